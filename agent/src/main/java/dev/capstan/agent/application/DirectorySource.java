package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * How a folder of plain manifests is read, as Argo CD's {@code spec.source.directory}: the folder's own
 * {@code .yaml}, {@code .yml} and {@code .json} files, or every folder under it with {@code recurse},
 * narrowed by {@code include} and {@code exclude} globs matched against the path relative to the
 * folder ({@code *} also crosses '/', {@code {a,b}} alternatives).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectorySource(
    @JsonPropertyDescription("Read manifests from every folder under the path too.") Boolean recurse,
    @JsonPropertyDescription("Only files whose path matches this glob, e.g. '{web/*,db.yaml}'.") String include,
    @JsonPropertyDescription("No file whose path matches this glob, e.g. '*-test.yaml'.") String exclude) {

  public boolean isRecurse() {
    return Boolean.TRUE.equals(recurse);
  }
}

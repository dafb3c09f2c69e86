package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Whether pull requests against this Application's branch get a preview (what merging would do to
 * the cluster, posted on the pull request). Off unless asked for: a preview renders a chart from a
 * branch nobody has reviewed yet. Requests from forks are refused unless {@code sameRepositoryOnly}
 * is set to false.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preview(
    @JsonPropertyDescription("Preview pull requests that touch this Application; default false.") Boolean enabled,
    @JsonPropertyDescription("Only pull requests whose branch is in the same repository, not a fork; default true.")
    Boolean sameRepositoryOnly) {

  public boolean on() {
    return Boolean.TRUE.equals(enabled);
  }

  public boolean refusesForks() {
    return !Boolean.FALSE.equals(sameRepositoryOnly);
  }
}

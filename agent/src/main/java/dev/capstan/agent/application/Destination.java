package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The namespace a release is installed into, and its name (default: the Application's name). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Destination(
    @Required @JsonPropertyDescription("Namespace of the release.") String namespace,
    @JsonPropertyDescription("Release name; default: the Application's name.") String releaseName) {}

package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Values kept in a ConfigMap or Secret of the Application's own namespace, as Flux's
 * {@code HelmRelease.spec.valuesFrom}: the key {@code valuesKey} (default {@code values.yaml}) holds a
 * values document, merged after the values files and before the inline values. Read in cluster mode
 * only; an agent run from files has no namespace to read them from and refuses the field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValuesFrom(
    @Required @JsonPropertyDescription("ConfigMap or Secret.") String kind,
    @Required @JsonPropertyDescription("Name of the ConfigMap or Secret, in the Application's namespace.") String name,
    @JsonPropertyDescription("Key holding the values document; default: values.yaml.") String valuesKey,
    @JsonPropertyDescription("When true, a missing object or key is skipped instead of failing the sync.") Boolean optional) {
  public static final String DEFAULT_KEY = "values.yaml";

  public String valuesKeyOrDefault() {
    return valuesKey == null || valuesKey.isBlank() ? DEFAULT_KEY : valuesKey;
  }

  public boolean isOptional() {
    return Boolean.TRUE.equals(optional);
  }
}

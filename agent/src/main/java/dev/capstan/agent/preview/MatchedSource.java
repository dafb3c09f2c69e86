package dev.capstan.agent.preview;

import dev.capstan.agent.application.Source;

/**
 * One Git source of an Application that a pull request may change: the deployed one (its chart or
 * manifests folder, and the values files inside it), or a named one of {@code spec.sources} (the
 * {@code $name/path} values files it supplies).
 *
 * @param name the named source's name, or {@link #DEPLOYED} for the deployed source
 */
public record MatchedSource(String name, Source source) {
  /** The name given to the deployed source, which has none in the spec. */
  public static final String DEPLOYED = "";

  public boolean deployed() {
    return DEPLOYED.equals(name);
  }

  /** How errors and logs name it: {@code source} or {@code source values}. */
  public String label() {
    return deployed() ? "source" : "source " + name;
  }

  /** The cache a fetch of this source lands in: one per repository and credentials. */
  String cacheKey() {
    return source.repoURL() + "\n" + source.secretRef();
  }
}

package dev.capstan.chart.render;

import java.util.function.Predicate;

/**
 * Which files of a folder of plain manifests are read, as Argo CD's {@code directory} source selects
 * them: {@code .yaml}, {@code .yml} and {@code .json} files of the folder itself, or of every folder
 * under it with {@code recurse}; then only those {@code include} matches (when set) and none that
 * {@code exclude} matches. Patterns are matched against the path relative to the folder, in
 * {@link ManifestGlob}'s syntax.
 */
public record ManifestSelection(boolean recurse, String include, String exclude) {
  public ManifestSelection {
    include = include == null || include.isBlank() ? null : include;
    exclude = exclude == null || exclude.isBlank() ? null : exclude;
  }

  /** The folder's own manifest files, every one of them. */
  public static ManifestSelection defaults() {
    return new ManifestSelection(false, null, null);
  }

  /**
   * Checks the patterns.
   *
   * @throws IllegalArgumentException naming what is wrong with the first bad pattern
   */
  public void validate() {
    compile(include);
    compile(exclude);
  }

  /** Whether {@code path} (relative to the folder, '/'-separated) is one of the manifests read. */
  public boolean selects(String path) {
    return filter().test(path);
  }

  /** {@link #selects} with the patterns compiled once, for a walk over many files. */
  public Predicate<String> filter() {
    ManifestGlob in = compile(include);
    ManifestGlob out = compile(exclude);
    return path -> (recurse || !path.contains("/")) && isManifestFile(path)
        && (in == null || in.matches(path)) && (out == null || !out.matches(path));
  }

  static boolean isManifestFile(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json");
  }

  private static ManifestGlob compile(String glob) {
    return glob == null ? null : ManifestGlob.compile(glob);
  }
}

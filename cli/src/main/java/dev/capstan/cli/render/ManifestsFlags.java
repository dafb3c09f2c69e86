package dev.capstan.cli.render;

import dev.capstan.chart.render.ManifestSelection;
import dev.capstan.core.CapstanException;
import picocli.CommandLine.Option;

/**
 * Which files of a folder of plain manifests (a CHART folder without {@code Chart.yaml}) are read, as
 * {@code kubectl apply -f DIR -R} and Argo CD's directory source choose them: the folder's own
 * {@code .yaml}, {@code .yml} and {@code .json} files, every subfolder's too with {@code --recursive},
 * narrowed by {@code --include} and {@code --exclude} globs on the path relative to the folder.
 */
public final class ManifestsFlags {
  @Option(names = {"-R", "--recursive"}, description = "With a folder of plain manifests: read its subfolders too.")
  boolean recursive;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "With a folder of plain manifests: only files whose path matches, e.g. '{base/*,prod/*}'.")
  String include;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "With a folder of plain manifests: leave out files whose path matches.")
  String exclude;

  /** The files these flags select. */
  public ManifestSelection selection() {
    ManifestSelection selection = new ManifestSelection(recursive, include, exclude);
    try {
      selection.validate();
    } catch (IllegalArgumentException e) {
      String flag = include != null && !valid(include) ? "--include" : "--exclude";
      throw new CapstanException(flag, e.getMessage(), e);
    }
    return selection;
  }

  /** Refuses these flags for a chart, where they would silently do nothing. */
  public void refuseFor(String chart) {
    String flag = recursive ? "--recursive" : include != null ? "--include" : exclude != null ? "--exclude" : null;
    if (flag != null) {
      throw new CapstanException(flag, "selects files of a folder of plain manifests; " + chart + " is a chart");
    }
  }

  private static boolean valid(String glob) {
    try {
      new ManifestSelection(false, glob, null).validate();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

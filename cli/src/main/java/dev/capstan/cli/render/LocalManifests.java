package dev.capstan.cli.render;

import dev.capstan.chart.render.ManifestLimits;
import dev.capstan.chart.render.PlainManifests;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.core.CapstanException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CHART argument that is a folder without {@code Chart.yaml}: plain manifests, as Argo CD takes a
 * folder without one, read by the same {@link PlainManifests} the agent uses (bounded, checked, in
 * apply order). Nothing is templated, so values flags are refused rather than ignored.
 */
public final class LocalManifests {
  private LocalManifests() {}

  /** Whether {@code chart} names a local folder of plain manifests rather than a chart. */
  public static boolean isFolder(String chart) {
    return isFolder(Path.of(chart));
  }

  /**
   * Whether {@code local} (a CHART argument after {@code ChartSourceFlags.localize}, which refuses
   * {@code --version} and {@code --verify} for a local folder) is a folder of plain manifests.
   */
  public static boolean isFolder(Path local) {
    return Files.isDirectory(local) && !Files.exists(local.resolve("Chart.yaml"));
  }

  /** How the objects' sources and the release history name the folder: its own name. */
  public static String name(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? "manifests" : name.toString();
  }

  /**
   * The folder's objects as the flags select them, for a release in {@code namespace}.
   *
   * @throws CapstanException naming a values flag (they take no values), the folder (nothing selected,
   *     a limit) or a file and line (a document that is not an object)
   */
  public static List<RenderedManifest> read(Path dir, ManifestsFlags flags, ValuesFlags values, String namespace) {
    values.firstGiven().ifPresent(flag -> {
      throw new CapstanException(flag, dir + " holds plain manifests (no Chart.yaml), which take no values");
    });
    return PlainManifests.read(ChartFiles.of(dir), name(dir), namespace, flags.selection(), ManifestLimits.defaults());
  }
}

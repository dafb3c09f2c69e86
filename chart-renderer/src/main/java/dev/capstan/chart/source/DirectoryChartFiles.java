package dev.capstan.chart.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A chart directory on disk. The file list is taken once, when the chart is opened; every path is
 * checked against the chart's real root so neither {@code ..} nor a symlink can reach a file
 * outside it. {@code file://} dependencies may point at sibling folders, but only inside the
 * boundary (the enclosing Git work tree, or else the folder holding the chart).
 */
final class DirectoryChartFiles implements ChartFiles {
  private final Path root;
  private final Path boundary;
  private final List<String> files;

  private DirectoryChartFiles(Path root, Path boundary, List<String> files) {
    this.root = root;
    this.boundary = boundary;
    this.files = files;
  }

  static DirectoryChartFiles open(Path dir) {
    Path root = realDirectory(dir);
    return new DirectoryChartFiles(root, boundaryOf(root), listFiles(root));
  }

  private static DirectoryChartFiles open(Path dir, Path boundary) {
    Path root = realDirectory(dir);
    return new DirectoryChartFiles(root, boundary, listFiles(root));
  }

  private static Path realDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ChartException(dir.toString(), "chart directory not found");
    }
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      throw new ChartException(dir.toString(), "cannot read chart directory: " + e.getMessage(), e);
    }
  }

  private static Path boundaryOf(Path root) {
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return root.getParent() == null ? root : root.getParent();
  }

  private static List<String> listFiles(Path root) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          Path target = p.toRealPath();
          if (!target.startsWith(root)) {
            throw new ChartException(rel, "symlink points outside the chart (to " + target + ")");
          }
        }
        if (Files.isRegularFile(p) && !rel.startsWith(".git/")) {
          out.add(rel);
        }
      }
    } catch (IOException e) {
      throw new ChartException(root.toString(), "cannot list chart files: " + e.getMessage(), e);
    }
    Collections.sort(out);
    return List.copyOf(out);
  }

  @Override
  public List<String> list() {
    return files;
  }

  @Override
  public boolean exists(String path) {
    return Collections.binarySearch(files, ChartPaths.check(path)) >= 0;
  }

  @Override
  public byte[] read(String path) {
    String p = ChartPaths.check(path);
    if (!exists(p)) {
      throw new ChartException(path, "no such file in the chart");
    }
    try {
      Path file = root.resolve(p).toRealPath();
      if (!file.startsWith(root)) {
        throw new ChartException(path, "file resolves outside the chart");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ChartException(path, "cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public ChartFiles sibling(String relativePath) {
    Path target = root.resolve(relativePath).normalize();
    if (!Files.isDirectory(target)) {
      throw new ChartException("file://" + relativePath, "dependency directory not found: " + target);
    }
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      throw new ChartException("file://" + relativePath, "cannot read " + target + ": " + e.getMessage(), e);
    }
    if (!real.startsWith(boundary)) {
      throw new ChartException("file://" + relativePath, "dependency lies outside " + boundary);
    }
    return open(real, boundary);
  }
}

package dev.capstan.localcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The folder holding the pinned control-plane binaries, laid out as {@code kube-api-test} expects:
 * {@code <root>/k8s/<version>-<os>-<arch>/}. The root is {@code ~/.kubeapitest} unless the
 * {@code KUBEAPITEST_DIR} environment variable (which the build script honours too) says otherwise.
 */
public record KubeBinaries(Path dir) {
  public static final List<String> NAMES = List.of(
      "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl", "etcd", "kwok");

  /** The default root: {@code $KUBEAPITEST_DIR}, else {@code ~/.kubeapitest}. */
  public static Path defaultRoot() {
    String env = System.getenv("KUBEAPITEST_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".kubeapitest");
  }

  /** The version folder's name under {@code <root>/k8s/}, e.g. {@code 1.34.4-linux-amd64}. */
  public static String platformDirName() {
    return PinnedVersions.KUBERNETES + "-" + os() + "-" + arch();
  }

  /** Finds every binary under {@code root}, or says which are missing and how to build them. */
  public static KubeBinaries locate(Path root) {
    Path dir = root.resolve("k8s").resolve(platformDirName());
    List<String> missing = new ArrayList<>();
    for (String name : NAMES) {
      if (!Files.isExecutable(dir.resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new BinariesMissingException(dir, missing);
    }
    return new KubeBinaries(dir);
  }

  public Path apiServer() {
    return dir.resolve("kube-apiserver");
  }

  public Path controllerManager() {
    return dir.resolve("kube-controller-manager");
  }

  public Path scheduler() {
    return dir.resolve("kube-scheduler");
  }

  public Path kubectl() {
    return dir.resolve("kubectl");
  }

  public Path etcd() {
    return dir.resolve("etcd");
  }

  public Path kwok() {
    return dir.resolve("kwok");
  }

  private static String os() {
    String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (name.contains("mac") || name.contains("darwin")) {
      return "darwin";
    }
    return name.contains("windows") ? "windows" : "linux";
  }

  // Go's names for the architectures, which the build script uses (go env GOARCH).
  private static String arch() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }
}

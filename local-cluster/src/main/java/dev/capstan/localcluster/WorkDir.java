package dev.capstan.localcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private kube-api-test folder for one API server: certificates of its own (two JVMs sharing
 * {@code ~/.kubeapitest} race when generating them) and the binaries linked in, with etcd behind a
 * wrapper that moves kube-api-test's hard-coded {@code 0.0.0.0} listen addresses to 127.0.0.1 and
 * turns fsync off (the data dies with the cluster; with fsync every write waits for the disk).
 */
final class WorkDir {
  private WorkDir() {}

  static Path create(KubeBinaries binaries) {
    try {
      Path root = Files.createTempDirectory("capstan-kube-");
      Path versionDir = Files.createDirectories(root.resolve("k8s").resolve(KubeBinaries.platformDirName()));
      Files.createSymbolicLink(versionDir.resolve("kube-apiserver"), binaries.apiServer());
      Files.createSymbolicLink(versionDir.resolve("kubectl"), binaries.kubectl());
      Path etcd = versionDir.resolve("etcd");
      Files.writeString(etcd, etcdWrapper(binaries.etcd()));
      Files.setPosixFilePermissions(etcd, PosixFilePermissions.fromString("rwx------"));
      return root;
    } catch (IOException e) {
      throw new ClusterStartException("kube-apiserver", "cannot prepare a work folder: " + e.getMessage(), e);
    }
  }

  private static String etcdWrapper(Path realEtcd) {
    return "#!/bin/sh\n"
        + "# Written by Capstan's local-cluster: listen on loopback only; the data is thrown away\n"
        + "# with the cluster, so skip fsync.\n"
        + "for a do shift; set -- \"$@\" \"$(printf '%s' \"$a\" | sed 's#//0\\.0\\.0\\.0:#//127.0.0.1:#')\"; done\n"
        + "exec '" + realEtcd.toAbsolutePath() + "' --unsafe-no-fsync \"$@\"\n";
  }

  static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

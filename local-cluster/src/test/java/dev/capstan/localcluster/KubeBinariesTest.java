package dev.capstan.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeBinariesTest {
  @TempDir Path root;

  @Test
  void anEmptyRootNamesEveryMissingBinaryAndTheCommandThatBuildsThem() {
    Path expectedDir = root.resolve("k8s").resolve(KubeBinaries.platformDirName());

    assertThatThrownBy(() -> KubeBinaries.locate(root))
        .isInstanceOf(BinariesMissingException.class)
        .hasMessageStartingWith(expectedDir + ": missing kube-apiserver, kube-controller-manager, "
            + "kube-scheduler, kubectl, etcd, kwok (Kubernetes " + PinnedVersions.KUBERNETES + ")")
        .hasMessageContaining("build them with: tools/kube-binaries.sh")
        .satisfies(e -> assertThat(((BinariesMissingException) e).dir()).isEqualTo(expectedDir));
  }

  @Test
  void onlyTheMissingOnesAreNamed() throws IOException {
    Path dir = Files.createDirectories(root.resolve("k8s").resolve(KubeBinaries.platformDirName()));
    for (String name : KubeBinaries.NAMES) {
      if (!name.equals("kwok")) {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      }
    }

    assertThatThrownBy(() -> KubeBinaries.locate(root))
        .isInstanceOfSatisfying(BinariesMissingException.class,
            e -> assertThat(e.missing()).containsExactly("kwok"));
  }

  @Test
  void aCompleteFolderIsFound() throws IOException {
    Path dir = Files.createDirectories(root.resolve("k8s").resolve(KubeBinaries.platformDirName()));
    for (String name : KubeBinaries.NAMES) {
      Files.setPosixFilePermissions(Files.createFile(dir.resolve(name)), PosixFilePermissions.fromString("rwx------"));
    }

    KubeBinaries found = KubeBinaries.locate(root);

    assertThat(found.apiServer()).isEqualTo(dir.resolve("kube-apiserver"));
    assertThat(found.kwok()).isEqualTo(dir.resolve("kwok"));
  }
}

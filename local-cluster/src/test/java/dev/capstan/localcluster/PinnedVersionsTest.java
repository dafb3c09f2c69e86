package dev.capstan.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PinnedVersionsTest {
  private static final Path SCRIPT = Path.of("..", "tools", "kube-binaries.sh");

  @Test
  void theBuildScriptBuildsTheVersionsTheJavaCodeLooksFor() throws IOException {
    String script = Files.readString(SCRIPT);

    assertThat(pinned(script, "KUBE_VERSION")).isEqualTo(PinnedVersions.KUBERNETES);
    assertThat(pinned(script, "ETCD_VERSION")).isEqualTo(PinnedVersions.ETCD);
    assertThat(pinned(script, "KWOK_VERSION")).isEqualTo(PinnedVersions.KWOK);
  }

  @Test
  void theGoWrapperModuleRequiresTheSameKubernetesAndEtcd() throws IOException {
    String goMod = Files.readString(Path.of("..", "tools", "kube-build", "go.mod"));

    assertThat(goMod).contains("k8s.io/kubernetes v" + PinnedVersions.KUBERNETES)
        .contains("go.etcd.io/etcd/server/v3 v" + PinnedVersions.ETCD)
        .contains("k8s.io/api => k8s.io/api v0." + PinnedVersions.KUBERNETES.substring(2));
  }

  private static String pinned(String script, String variable) {
    Matcher m = Pattern.compile("(?m)^" + variable + "=([0-9.]+)").matcher(script);
    assertThat(m.find()).as(variable + " in " + SCRIPT).isTrue();
    return m.group(1);
  }
}

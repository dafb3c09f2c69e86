package dev.capstan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kubeconfig works for kubectl too, which needs discovery: something fabric8's mock lacks. */
@KubeApiServerTest
class KubectlIT {
  KubeEnv env;

  @Test
  void kubectlListsWhatTheClientCreated() throws IOException, InterruptedException {
    env.client().configMaps().resource(new ConfigMapBuilder()
        .withNewMetadata().withName("seen-by-kubectl").endMetadata().addToData("a", "1").build()).create();

    Process kubectl = new ProcessBuilder(env.kubectl().toString(), "--kubeconfig", env.kubeconfig().toString(),
        "get", "configmaps", "-A", "--no-headers", "-o", "custom-columns=NS:.metadata.namespace,NAME:.metadata.name")
        .redirectErrorStream(true).start();
    String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kubectl.exitValue()).as(out).isZero();
    assertThat(out.lines().map(l -> l.trim().replaceAll("\\s+", " ")))
        .contains(env.namespace() + " seen-by-kubectl");
  }
}

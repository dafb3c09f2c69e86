package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release commands run in-process against a real API server: exit codes, what a user sees,
 * and the live objects and history they leave.
 */
@KubeApiServerTest
class ReleaseCommandsIT {
  KubernetesClient client;
  KubeEnv env;

  @TempDir
  Path tmp;

  private Path chart;
  private CliRunner cli;

  @BeforeEach
  void writeChart() throws Exception {
    cli = CliRunner.on(env);
    chart = Files.createDirectories(tmp.resolve("shop/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.2.0\n");
    Files.writeString(chart.resolve("values.yaml"), "greeting: hello\npassword: hunter2\n");
    Files.writeString(chart.resolve("templates/config.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-config
        data:
          greeting: {{ values.greeting }}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ release.name }}-secret
        stringData:
          password: {{ values.password }}
        """);
    Files.writeString(chart.resolve("templates/NOTES.txt"), "Visit {{ release.name }} in {{ release.namespace }}.\n");
  }

  private String greeting(String release) {
    return client.configMaps().inNamespace(env.namespace()).withName(release + "-config").get().getData().get("greeting");
  }

  @Test
  void applyDiffHistoryRollbackStatusUninstall() {
    String ns = env.namespace();
    assertThat(cli.run("diff", chart.toString(), "--release", "cli")).as(cli.err()).isEqualTo(1);
    assertThat(cli.out()).contains("+++ desired v1 ConfigMap " + ns + "/cli-config").doesNotContain("hunter2");

    assertThat(cli.run("apply", chart.toString(), "--release", "cli")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("ConfigMap/" + ns + "/cli-config created", "Release " + ns + "/cli: revision 1 deployed",
        "NOTES:\nVisit cli in " + ns + ".\n");
    assertThat(greeting("cli")).isEqualTo("hello");

    assertThat(cli.run("diff", chart.toString(), "--release", "cli")).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).isEmpty();

    assertThat(cli.run("diff", chart.toString(), "--release", "cli", "--set", "greeting=bonjour,password=s3cret")).isEqualTo(1);
    assertThat(cli.out()).contains("-  greeting: hello", "+  greeting: bonjour", "*** (masked, after)").doesNotContain("s3cret", "hunter2");

    assertThat(cli.run("apply", chart.toString(), "--release", "cli", "--set", "greeting=bonjour", "--wait", "--timeout", "30s")).as(cli.err()).isZero();
    assertThat(greeting("cli")).isEqualTo("bonjour");

    assertThat(cli.run("history", "cli")).isZero();
    assertThat(cli.out().lines().toList()).hasSize(3);
    assertThat(cli.out()).contains("REVISION", "superseded", "deployed", "shop-1.2.0");

    assertThat(cli.run("rollback", "cli", "1")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("revision 3 deployed (Rollback to 1 complete)");
    assertThat(greeting("cli")).isEqualTo("hello");

    assertThat(cli.run("status", "cli")).isZero();
    assertThat(cli.out()).contains("REVISION: 3", "STATUS: deployed", "HEALTH: Healthy", "ConfigMap/" + ns + "/cli-config  Healthy");

    assertThat(cli.run("uninstall", "cli")).isZero();
    assertThat(client.configMaps().inNamespace(ns).withName("cli-config").get()).isNull();
    assertThat(cli.run("history", "cli")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("Error: release " + ns + "/cli: not found (no history in namespace " + ns + ")\n");
  }

  @Test
  void diffShowsDriftMadeByOthersWhileApplyRefusesToTakeTheirFields() {
    String ns = env.namespace();
    assertThat(cli.run("apply", chart.toString(), "--release", "drift")).as(cli.err()).isZero();
    PatchContext byKubectl = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-patch").build();
    client.configMaps().inNamespace(ns).withName("drift-config").patch(byKubectl, "{\"data\":{\"greeting\":\"patched\"}}");

    assertThat(cli.run("diff", chart.toString(), "--release", "drift")).as(cli.err()).isEqualTo(1);
    assertThat(cli.out()).contains("-  greeting: patched", "+  greeting: hello",
        "# v1 ConfigMap " + ns + "/drift-config: field .data.greeting is owned by field manager \"kubectl-patch\"");
    assertThat(cli.run("diff", chart.toString(), "--release", "drift", "-o", "json")).isEqualTo(1);
    assertThat(cli.out()).contains("\"changed\" : [ {", "\"manager\" : \"kubectl-patch\"");

    assertThat(cli.run("apply", chart.toString(), "--release", "drift")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("Error: release " + ns + "/drift: revision 2 failed: ConfigMap/" + ns + "/drift-config: field "
        + ".data.greeting is owned by field manager \"kubectl-patch\" (use --force-conflicts to take ownership)\n");
    assertThat(greeting("drift")).isEqualTo("patched");

    assertThat(cli.run("apply", chart.toString(), "--release", "drift", "--force-conflicts")).as(cli.err()).isZero();
    assertThat(greeting("drift")).isEqualTo("hello");
    assertThat(cli.run("diff", chart.toString(), "--release", "drift")).as(cli.out()).isZero();
  }

  @Test
  void diffErrorsExitWithTwo() {
    assertThat(cli.run("diff", tmp.resolve("missing").toString(), "--release", "cli")).isEqualTo(2);
    assertThat(cli.err()).startsWith("Error: ");
  }

  @Test
  void badTimeoutNamesTheFlag() {
    assertThat(cli.run("apply", chart.toString(), "--release", "cli", "--timeout", "soon")).isEqualTo(2);
    assertThat(cli.err()).contains("--timeout", "expected a duration such as 90s, 5m or 1h30m, got 'soon'");
  }
}

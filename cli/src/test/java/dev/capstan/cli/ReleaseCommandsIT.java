package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
  private String out;
  private String err;

  @BeforeEach
  void writeChart() throws Exception {
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

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", env.kubeconfig().toString(), "--namespace", env.namespace()));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    int code = cli.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  private String greeting(String release) {
    return client.configMaps().inNamespace(env.namespace()).withName(release + "-config").get().getData().get("greeting");
  }

  @Test
  void applyDiffHistoryRollbackStatusUninstall() {
    String ns = env.namespace();
    assertThat(run("diff", chart.toString(), "--release", "cli")).as(err).isEqualTo(1);
    assertThat(out).contains("+++ desired v1 ConfigMap " + ns + "/cli-config").doesNotContain("hunter2");

    assertThat(run("apply", chart.toString(), "--release", "cli")).as(err).isZero();
    assertThat(out).contains("ConfigMap/" + ns + "/cli-config created", "Release " + ns + "/cli: revision 1 deployed",
        "NOTES:\nVisit cli in " + ns + ".\n");
    assertThat(greeting("cli")).isEqualTo("hello");

    assertThat(run("diff", chart.toString(), "--release", "cli")).as(out + err).isZero();
    assertThat(out).isEmpty();

    assertThat(run("diff", chart.toString(), "--release", "cli", "--set", "greeting=bonjour,password=s3cret")).isEqualTo(1);
    assertThat(out).contains("-  greeting: hello", "+  greeting: bonjour", "*** (masked, after)").doesNotContain("s3cret", "hunter2");

    assertThat(run("apply", chart.toString(), "--release", "cli", "--set", "greeting=bonjour", "--wait", "--timeout", "30s")).as(err).isZero();
    assertThat(greeting("cli")).isEqualTo("bonjour");

    assertThat(run("history", "cli")).isZero();
    assertThat(out.lines().toList()).hasSize(3);
    assertThat(out).contains("REVISION", "superseded", "deployed", "shop-1.2.0");

    assertThat(run("rollback", "cli", "1")).as(err).isZero();
    assertThat(out).contains("revision 3 deployed (Rollback to 1 complete)");
    assertThat(greeting("cli")).isEqualTo("hello");

    assertThat(run("status", "cli")).isZero();
    assertThat(out).contains("REVISION: 3", "STATUS: deployed", "HEALTH: Healthy", "ConfigMap/" + ns + "/cli-config  Healthy");

    assertThat(run("uninstall", "cli")).isZero();
    assertThat(client.configMaps().inNamespace(ns).withName("cli-config").get()).isNull();
    assertThat(run("history", "cli")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: release " + ns + "/cli: not found (no history in namespace " + ns + ")\n");
  }

  @Test
  void diffShowsDriftMadeByOthersWhileApplyRefusesToTakeTheirFields() {
    String ns = env.namespace();
    assertThat(run("apply", chart.toString(), "--release", "drift")).as(err).isZero();
    PatchContext byKubectl = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-patch").build();
    client.configMaps().inNamespace(ns).withName("drift-config").patch(byKubectl, "{\"data\":{\"greeting\":\"patched\"}}");

    assertThat(run("diff", chart.toString(), "--release", "drift")).as(err).isEqualTo(1);
    assertThat(out).contains("-  greeting: patched", "+  greeting: hello",
        "# v1 ConfigMap " + ns + "/drift-config: field .data.greeting is owned by field manager \"kubectl-patch\"");
    assertThat(run("diff", chart.toString(), "--release", "drift", "-o", "json")).isEqualTo(1);
    assertThat(out).contains("\"changed\" : [ {", "\"manager\" : \"kubectl-patch\"");

    assertThat(run("apply", chart.toString(), "--release", "drift")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: release " + ns + "/drift: revision 2 failed: ConfigMap/" + ns + "/drift-config: field "
        + ".data.greeting is owned by field manager \"kubectl-patch\" (use --force-conflicts to take ownership)\n");
    assertThat(greeting("drift")).isEqualTo("patched");

    assertThat(run("apply", chart.toString(), "--release", "drift", "--force-conflicts")).as(err).isZero();
    assertThat(greeting("drift")).isEqualTo("hello");
    assertThat(run("diff", chart.toString(), "--release", "drift")).as(out).isZero();
  }

  @Test
  void diffErrorsExitWithTwo() {
    assertThat(run("diff", tmp.resolve("missing").toString(), "--release", "cli")).isEqualTo(2);
    assertThat(err).startsWith("Error: ");
  }

  @Test
  void badTimeoutNamesTheFlag() {
    assertThat(run("apply", chart.toString(), "--release", "cli", "--timeout", "soon")).isEqualTo(2);
    assertThat(err).contains("--timeout", "expected a duration such as 90s, 5m or 1h30m, got 'soon'");
  }
}

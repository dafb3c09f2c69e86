package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code capstan diff} and {@code apply} on a folder of plain manifests against a real API server: the
 * folder is a release like a chart (diff exit codes, history naming the folder, prune of an object
 * whose file was removed), and what {@code --exclude} leaves out is neither applied nor pruned into.
 */
@KubeApiServerTest
class ManifestsFolderReleaseIT {
  KubernetesClient client;
  KubeEnv env;

  @TempDir
  Path tmp;

  private String out;
  private String err;

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

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata: {value: \"" + value + "\"}\n";
  }

  private String value(String name) {
    var cm = client.configMaps().inNamespace(env.namespace()).withName(name).get();
    return cm == null ? null : cm.getData().get("value");
  }

  @Test
  void aFolderIsDiffedAppliedRecordedAndPrunedLikeAChart() throws Exception {
    String ns = env.namespace();
    Path dir = Files.createDirectories(tmp.resolve("site"));
    Files.writeString(dir.resolve("a.yaml"), configMap("site-a", "one"));
    Files.writeString(dir.resolve("b.yaml"), configMap("site-b", "one"));
    Files.createDirectories(dir.resolve("extra"));
    Files.writeString(dir.resolve("extra/c.yaml"), configMap("site-c", "one"));
    Files.writeString(dir.resolve("extra/c-local.yaml"), configMap("site-local", "never"));

    assertThat(run("diff", dir.toString(), "--release", "site", "-R", "--exclude", "*-local.yaml")).as(err).isEqualTo(1);
    assertThat(out).contains("ConfigMap " + ns + "/site-c").doesNotContain("site-local");
    assertThat(run("apply", dir.toString(), "--release", "site", "-R", "--exclude", "*-local.yaml")).as(err).isZero();
    assertThat(out).contains("Release " + ns + "/site: revision 1 deployed");
    assertThat(value("site-a")).isEqualTo("one");
    assertThat(value("site-c")).isEqualTo("one");
    assertThat(value("site-local")).as("excluded").isNull();
    assertThat(run("diff", dir.toString(), "--release", "site", "-R", "--exclude", "*-local.yaml")).as(out + err).isZero();

    Files.writeString(dir.resolve("a.yaml"), configMap("site-a", "two"));
    Files.delete(dir.resolve("b.yaml"));
    assertThat(run("diff", dir.toString(), "--release", "site", "-R", "--exclude", "*-local.yaml")).isEqualTo(1);
    assertThat(run("apply", dir.toString(), "--release", "site", "-R", "--exclude", "*-local.yaml")).as(err).isZero();
    assertThat(value("site-a")).isEqualTo("two");
    assertThat(value("site-b")).as("its file was removed: pruned").isNull();

    assertThat(run("history", "site")).isZero();
    assertThat(out.lines().skip(1)).hasSize(2).allSatisfy(line -> assertThat(line).contains("site"));

    assertThat(run("apply", dir.toString(), "--release", "site", "--include", "nothing/*")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: site: no manifest files (.yaml, .yml, .json) selected (not recursive, include \"nothing/*\")\n");
    assertThat(value("site-a")).as("an empty selection prunes nothing").isEqualTo("two");
    try (var git = org.eclipse.jgit.api.Git.init().setDirectory(tmp.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("site").setSign(false).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    assertThat(run("diff", dir.toString(), "--release", "site", "--revision", "HEAD")).isEqualTo(2);
    assertThat(err).startsWith("Error: --revision reads a chart from Git; " + dir + " holds plain manifests");
  }
}

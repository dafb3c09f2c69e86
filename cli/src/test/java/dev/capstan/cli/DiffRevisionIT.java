package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan diff --revision REF} against a real API server: the chart as committed at REF, not as on disk. */
@KubeApiServerTest
class DiffRevisionIT {
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

  @Test
  void aRevisionIsDiffedAgainstTheLiveRelease() throws Exception {
    try (Git git = Git.init().setDirectory(tmp.resolve("repo").toFile()).setInitialBranch("main").call()) {
      Path chart = Files.createDirectories(tmp.resolve("repo/shop/templates")).getParent();
      Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
      Files.writeString(chart.resolve("values.yaml"), "greeting: hello\ntoken: s3cret-one\n");
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
            name: {{ release.name }}-token
          stringData:
            token: {{ values.token }}
          """);
      commit(git, "first");
      assertThat(run("apply", chart.toString(), "--release", "shop")).as(err).isZero();
      Files.writeString(chart.resolve("values.yaml"), "greeting: bonjour\ntoken: s3cret-two\n");
      commit(git, "second");
      Files.writeString(chart.resolve("values.yaml"), "greeting: not-committed\ntoken: x\n");

      assertThat(run("diff", chart.toString(), "--release", "shop", "--revision", "HEAD~1")).as(out + err).isZero();
      assertThat(run("diff", chart.toString(), "--release", "shop", "--revision", "main")).as(err).isEqualTo(1);
      assertThat(out).doesNotContain("s3cret").doesNotContain("not-committed");
      Golden.assertMatches("release/diff-revision-live.txt", out.replace(env.namespace(), "NAMESPACE"));
      assertThat(run("diff", chart.toString(), "--release", "shop", "--revision", "v9")).isEqualTo(2);
      assertThat(err).startsWith("Error: --revision: unknown revision \"v9\" in ");
    }
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}

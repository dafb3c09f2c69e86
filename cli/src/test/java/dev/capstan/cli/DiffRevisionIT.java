package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capstan diff --revision REF} against a real API server: the chart as committed at REF, not as on disk. */
@KubeApiServerTest
class DiffRevisionIT {
  KubeEnv env;

  @TempDir
  Path tmp;

  private CliRunner cli;

  @BeforeEach
  void cli() {
    cli = CliRunner.on(env);
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
      GitCommits.commitAll(git, "first");
      assertThat(cli.run("apply", chart.toString(), "--release", "shop")).as(cli.err()).isZero();
      Files.writeString(chart.resolve("values.yaml"), "greeting: bonjour\ntoken: s3cret-two\n");
      GitCommits.commitAll(git, "second");
      Files.writeString(chart.resolve("values.yaml"), "greeting: not-committed\ntoken: x\n");

      assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--revision", "HEAD~1")).as(cli.out() + cli.err()).isZero();
      assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--revision", "main")).as(cli.err()).isEqualTo(1);
      assertThat(cli.out()).doesNotContain("s3cret").doesNotContain("not-committed");
      Golden.assertMatches("release/diff-revision-live.txt", cli.out().replace(env.namespace(), "NAMESPACE"));
      assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--revision", "v9")).isEqualTo(2);
      assertThat(cli.err()).startsWith("Error: --revision: unknown revision \"v9\" in ");
    }
  }
}

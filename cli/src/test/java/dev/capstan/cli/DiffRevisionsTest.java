package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capstan diff --from A --to B}: two revisions' renders compared, no cluster, exit 0/1/2 as diff. */
class DiffRevisionsTest {
  @TempDir
  Path tmp;

  private Git git;
  private Path chart;
  private final CliRunner cli = CliRunner.local();

  @BeforeEach
  void twoCommits() throws Exception {
    git = Git.init().setDirectory(tmp.resolve("repo").toFile()).setInitialBranch("main").call();
    chart = Files.createDirectories(tmp.resolve("repo/charts/shop/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.2.0\n");
    Files.writeString(chart.resolve("values.yaml"), "greeting: hello\npassword: hunter2\nreplicas: 2\n");
    Files.writeString(chart.resolve("templates/config.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-config
        data:
          greeting: {{ values.greeting }}
          replicas: "{{ values.replicas }}"
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ release.name }}-secret
        stringData:
          password: {{ values.password }}
        """);
    Files.writeString(tmp.resolve("repo/prod.yaml"), "replicas: 3\n");
    GitCommits.commitAll(git, "first");
    Files.writeString(chart.resolve("values.yaml"), "greeting: bonjour\npassword: correct-horse\nreplicas: 2\n");
    Files.writeString(chart.resolve("templates/extra.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-extra
        data: {}
        """);
    Files.writeString(tmp.resolve("repo/prod.yaml"), "replicas: 5\n");
    GitCommits.commitAll(git, "second");
    // Uncommitted work on disk does not count for either revision.
    Files.writeString(chart.resolve("values.yaml"), "greeting: uncommitted\npassword: x\nreplicas: 9\n");
  }

  @AfterEach
  void close() {
    git.close();
  }


  @Test
  void differencesBetweenTwoRevisionsExitOneWithSecretsMasked() {
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "-n", "web", "--from", "HEAD~1", "--to", "main")).as(cli.err()).isEqualTo(1);
    assertThat(cli.out()).doesNotContain("hunter2").doesNotContain("correct-horse").doesNotContain("uncommitted");
    Golden.assertMatches("release/diff-revisions.txt", cli.out());
  }

  @Test
  void valuesFilesInTheWorkTreeAreReadAtEachRevision() {
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--from", "HEAD~1", "--to", "HEAD",
        "-f", tmp.resolve("repo/prod.yaml").toString(), "-o", "json")).isEqualTo(1);
    Golden.assertMatches("release/diff-revisions-values.json", cli.out());
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--from", "HEAD~1", "--to", "HEAD",
        "-f", tmp.resolve("repo/prod.yaml").toString())).isEqualTo(1);
    Golden.assertMatches("release/diff-revisions-values.txt", cli.out());
  }

  @Test
  void theSameRevisionTwiceIsInSync() {
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--from", "HEAD", "--to", "main")).isZero();
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void badRevisionsAndFlagsAreOneLineErrorsWithExitTwo() throws Exception {
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--from", "nosuch", "--to", "HEAD")).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo("Error: --from: unknown revision \"nosuch\" in " + tmp.resolve("repo").toRealPath());
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--from", "HEAD")).isEqualTo(2);
    assertThat(cli.err()).contains("--from needs --to");
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--revision", "HEAD", "--from", "HEAD", "--to", "HEAD")).isEqualTo(2);
    assertThat(cli.err()).contains("--revision cannot be combined with --from/--to");
    Path outside = Files.createDirectories(tmp.resolve("loose"));
    assertThat(cli.run("diff", outside.toString(), "--release", "shop", "--from", "HEAD", "--to", "HEAD")).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo("Error: --from: " + outside + " is not inside a Git work tree");
  }

  @Test
  void aTemplateBrokenAtARevisionNamesTheFileAndLine() throws Exception {
    Files.writeString(chart.resolve("values.yaml"), "greeting: bonjour\npassword: correct-horse\nreplicas: 2\n");
    Files.writeString(chart.resolve("templates/extra.yaml"), "kind: ConfigMap\ndata: {{ values.greeting | nosuchfilter }}\n");
    GitCommits.commitAll(git, "broken");
    assertThat(cli.run("diff", chart.toString(), "--release", "shop", "--from", "HEAD~1", "--to", "HEAD")).isEqualTo(2);
    assertThat(cli.err().lines().toList()).hasSize(1);
    assertThat(cli.err()).startsWith("Error: shop/templates/extra.yaml:2: ");
  }
}

package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan diff --from A --to B}: two revisions' renders compared, no cluster, exit 0/1/2 as diff. */
class DiffRevisionsTest {
  @TempDir
  Path tmp;

  private Git git;
  private Path chart;
  private String out;
  private String err;

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
    commit("first");
    Files.writeString(chart.resolve("values.yaml"), "greeting: bonjour\npassword: correct-horse\nreplicas: 2\n");
    Files.writeString(chart.resolve("templates/extra.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-extra
        data: {}
        """);
    Files.writeString(tmp.resolve("repo/prod.yaml"), "replicas: 5\n");
    commit("second");
    // Uncommitted work on disk does not count for either revision.
    Files.writeString(chart.resolve("values.yaml"), "greeting: uncommitted\npassword: x\nreplicas: 9\n");
  }

  @AfterEach
  void close() {
    git.close();
  }

  private void commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    int code = cli.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void differencesBetweenTwoRevisionsExitOneWithSecretsMasked() {
    assertThat(run("diff", chart.toString(), "--release", "shop", "-n", "web", "--from", "HEAD~1", "--to", "main")).as(err).isEqualTo(1);
    assertThat(out).doesNotContain("hunter2").doesNotContain("correct-horse").doesNotContain("uncommitted");
    Golden.assertMatches("release/diff-revisions.txt", out);
  }

  @Test
  void valuesFilesInTheWorkTreeAreReadAtEachRevision() {
    assertThat(run("diff", chart.toString(), "--release", "shop", "--from", "HEAD~1", "--to", "HEAD",
        "-f", tmp.resolve("repo/prod.yaml").toString(), "-o", "json")).isEqualTo(1);
    Golden.assertMatches("release/diff-revisions-values.json", out);
    assertThat(run("diff", chart.toString(), "--release", "shop", "--from", "HEAD~1", "--to", "HEAD",
        "-f", tmp.resolve("repo/prod.yaml").toString())).isEqualTo(1);
    Golden.assertMatches("release/diff-revisions-values.txt", out);
  }

  @Test
  void theSameRevisionTwiceIsInSync() {
    assertThat(run("diff", chart.toString(), "--release", "shop", "--from", "HEAD", "--to", "main")).isZero();
    assertThat(out).isEmpty();
  }

  @Test
  void badRevisionsAndFlagsAreOneLineErrorsWithExitTwo() throws Exception {
    assertThat(run("diff", chart.toString(), "--release", "shop", "--from", "nosuch", "--to", "HEAD")).isEqualTo(2);
    assertThat(err.strip()).isEqualTo("Error: --from: unknown revision \"nosuch\" in " + tmp.resolve("repo").toRealPath());
    assertThat(run("diff", chart.toString(), "--release", "shop", "--from", "HEAD")).isEqualTo(2);
    assertThat(err).contains("--from needs --to");
    assertThat(run("diff", chart.toString(), "--release", "shop", "--revision", "HEAD", "--from", "HEAD", "--to", "HEAD")).isEqualTo(2);
    assertThat(err).contains("--revision cannot be combined with --from/--to");
    Path outside = Files.createDirectories(tmp.resolve("loose"));
    assertThat(run("diff", outside.toString(), "--release", "shop", "--from", "HEAD", "--to", "HEAD")).isEqualTo(2);
    assertThat(err.strip()).isEqualTo("Error: --from: " + outside + " is not inside a Git work tree");
  }

  @Test
  void aTemplateBrokenAtARevisionNamesTheFileAndLine() throws Exception {
    Files.writeString(chart.resolve("values.yaml"), "greeting: bonjour\npassword: correct-horse\nreplicas: 2\n");
    Files.writeString(chart.resolve("templates/extra.yaml"), "kind: ConfigMap\ndata: {{ values.greeting | nosuchfilter }}\n");
    commit("broken");
    assertThat(run("diff", chart.toString(), "--release", "shop", "--from", "HEAD~1", "--to", "HEAD")).isEqualTo(2);
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).startsWith("Error: shop/templates/extra.yaml:2: ");
  }
}

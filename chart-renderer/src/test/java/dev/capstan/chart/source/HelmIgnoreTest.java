package dev.capstan.chart.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule of Helm's {@code pkg/ignore} per test, checked on files and directories. */
class HelmIgnoreTest {
  private static boolean ignoresFile(String rules, String path) {
    return HelmIgnore.parse(rules, ".helmignore").ignores(path, false);
  }

  private static boolean ignoresDirectory(String rules, String path) {
    return HelmIgnore.parse(rules, ".helmignore").ignores(path, true);
  }

  @ParameterizedTest
  @CsvSource({
      "*.tmp, a.tmp, true",
      "*.tmp, conf/deep/a.tmp, true",
      "*.tmp, a.tmp.yaml, false",
      "secret.txt, conf/secret.txt, true",
      "a?.txt, ab.txt, true",
      "a?.txt, abc.txt, false",
      "a[b-d].txt, ac.txt, true",
      "a[b-d].txt, ae.txt, false",
      "a[^b-d].txt, ae.txt, true",
      "a[^b-d].txt, ab.txt, false",
  })
  void aPatternWithoutSlashMatchesTheBaseNameAtAnyDepth(String rule, String path, boolean ignored) {
    assertThat(ignoresFile(rule, path)).isEqualTo(ignored);
  }

  @ParameterizedTest
  @CsvSource({
      "conf/*.ini, conf/a.ini, true",
      "conf/*.ini, conf/sub/a.ini, false",
      "conf/*.ini, other/conf/a.ini, false",
      "/*.txt, notes.txt, true",
      "/*.txt, docs/notes.txt, false",
      "/notes.txt, notes.txt, true",
  })
  void aPatternWithSlashMatchesThePathFromTheChartRoot(String rule, String path, boolean ignored) {
    assertThat(ignoresFile(rule, path)).isEqualTo(ignored);
  }

  @Test
  void aTrailingSlashMatchesDirectoriesOnly() {
    assertThat(ignoresDirectory("ci/", "ci")).isTrue();
    assertThat(ignoresDirectory("ci/", "deep/ci")).isTrue();
    assertThat(ignoresFile("ci/", "ci")).isFalse();
    assertThat(ignoresDirectory("ci", "ci")).isTrue();
  }

  @Test
  void blankLinesCommentsAndSurroundingSpacesAreSkipped() {
    String rules = "# *.yaml is not a rule\n\n   *.bak   \r\nfoo* # not a comment\n";
    assertThat(ignoresFile(rules, "values.yaml")).isFalse();
    assertThat(ignoresFile(rules, "old.bak")).isTrue();
    assertThat(ignoresFile(rules, "foo.txt")).isFalse();
    assertThat(ignoresFile(rules, "foo* # not a comment")).isTrue();
  }

  /** Helm's "!" is not gitignore's re-include: it ignores everything the pattern does not match. */
  @Test
  void aNegatedRuleIgnoresWhatItDoesNotMatch() {
    assertThat(ignoresFile("!*.ini", "a.ini")).isFalse();
    assertThat(ignoresFile("!*.ini", "Chart.yaml")).isTrue();
    assertThat(ignoresFile("*.ini\n!a.ini", "a.ini")).isTrue();
    assertThat(ignoresFile("!a.ini\n*.ini", "a.ini")).isTrue();
    assertThat(ignoresFile("!conf/\n", "conf")).isTrue();
    assertThat(ignoresDirectory("!conf/\n", "conf")).isFalse();
  }

  @Test
  void hiddenFilesUnderTemplatesAreIgnoredByDefault() {
    HelmIgnore defaults = HelmIgnore.defaults();
    assertThat(defaults.ignores("templates/.backup.yaml", false)).isTrue();
    assertThat(defaults.ignores("templates/.git", true)).isTrue();
    assertThat(defaults.ignores("templates/web.yaml", false)).isFalse();
    assertThat(defaults.ignores("templates/sub/.x.yaml", false)).isFalse();
    assertThat(defaults.ignores(".helmignore", false)).isFalse();
  }

  @Test
  void goGlobSyntaxNotJavaGlobSyntax() {
    assertThat(ignoresFile("{a,b}.txt", "a.txt")).isFalse();
    assertThat(ignoresFile("{a,b}.txt", "{a,b}.txt")).isTrue();
    assertThat(ignoresFile("[!a].txt", "!.txt")).isTrue();
    assertThat(ignoresFile("\\*.txt", "*.txt")).isTrue();
    assertThat(ignoresFile("\\*.txt", "a.txt")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "*.txt\\nconf/**/x | .helmignore:2 | double-star (**) syntax is not supported: \"conf/**/x\"",
      "[a-.txt | .helmignore:1 | syntax error in pattern: \"[a-.txt\"",
      "# ok\\n\\n[].txt | .helmignore:3 | syntax error in pattern: \"[].txt\"",
      "a\\ | .helmignore:1 | syntax error in pattern: \"a\\\"",
  })
  void aBadLineIsAnErrorAtItsLine(String rules, String where, String message) {
    assertThatThrownBy(() -> HelmIgnore.parse(rules.replace("\\n", "\n"), ".helmignore"))
        .isInstanceOf(ChartException.class)
        .hasMessage(where + ": " + message);
  }
}

package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserValuesTest {
  @TempDir Path dir;

  @Test
  void flagTypesApplyInHelmsOrderWhateverTheirPosition() {
    ValuesOptions options = ValuesOptions.none()
        .withSetLiteral(List.of("a=literal,x"))
        .withSetString(List.of("a=string"))
        .withSet(List.of("a=1,b=2"))
        .withSetJson(List.of("a={\"j\":1},b=[1,2]"));

    Map<String, Object> values = UserValues.load(options);

    assertThat(values).containsEntry("a", "literal,x").containsEntry("b", 2L);
  }

  @Test
  void valuesFilesMergeDeeplyInOrderAndSetWinsOverThem() throws Exception {
    Files.writeString(dir.resolve("one.yaml"), "a:\n  b: 1\n  c: [1, 2]\nd: x\n");
    Files.writeString(dir.resolve("two.yaml"), "a:\n  c: [3]\n  e: 2.5\n");
    ValuesOptions options = ValuesOptions.none()
        .withValueFiles(List.of(Path.of("one.yaml"), Path.of("two.yaml")))
        .withSet(List.of("d=y"));

    Map<String, Object> values = UserValues.load(options, dir);

    assertThat(values).isEqualTo(Map.of(
        "a", Map.of("b", 1L, "c", List.of(3L), "e", 2.5),
        "d", "y"));
  }

  @Test
  void invalidYamlNamesTheFileAndLine() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "a: 1\nb: [unclosed\nc: 2\n");
    ValuesOptions options = ValuesOptions.none().withValueFiles(List.of(Path.of("bad.yaml")));

    assertThatThrownBy(() -> UserValues.load(options, dir))
        .isInstanceOf(ValuesException.class)
        .hasMessage("bad.yaml:3: invalid YAML: expected ',' or ']', but got : "
            + "(while parsing a flow sequence started at line 2)");
  }

  @Test
  void unclosedListAtTheEndNamesTheLineWhereItStarted() throws Exception {
    Files.writeString(dir.resolve("open.yaml"), "a: 1\nb: [2\n");
    ValuesOptions options = ValuesOptions.none().withValueFiles(List.of(Path.of("open.yaml")));

    assertThatThrownBy(() -> UserValues.load(options, dir))
        .hasMessageStartingWith("open.yaml:2: invalid YAML: expected ',' or ']', but got <stream end>");
  }

  @Test
  void valuesFileThatIsNotAMapIsRefused() throws Exception {
    Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
    ValuesOptions options = ValuesOptions.none().withValueFiles(List.of(Path.of("list.yaml")));

    assertThatThrownBy(() -> UserValues.load(options, dir))
        .hasMessage("list.yaml:1: values must be a map, not a list");
  }

  @Test
  void valuesDocumentsFromElsewhereMergeBeforeTheFlags() {
    Map<String, Object> values = UserValues.load(
        List.of(new ValuesDocument("git/values.yaml", "a: 1\nb: {c: 2}\n"),
            new ValuesDocument("git/values-prod.yaml", "b: {d: 3}\n")),
        ValuesOptions.none().withSet(List.of("a=9")));

    assertThat(values).isEqualTo(Map.of("a", 9L, "b", Map.of("c", 2L, "d", 3L)));
  }

  @Test
  void missingValuesFileNamesThePath() {
    ValuesOptions options = ValuesOptions.none().withValueFiles(List.of(Path.of("nope.yaml")));

    assertThatThrownBy(() -> UserValues.load(options, dir))
        .isInstanceOf(ValuesException.class)
        .hasMessage("nope.yaml: no such file");
  }

  @Test
  void setFileReadsTheFileAndNamesAMissingOne() throws Exception {
    Files.writeString(dir.resolve("cert.pem"), "line1\nline2\n");
    Map<String, Object> values =
        UserValues.load(ValuesOptions.none().withSetFile(List.of("tls.cert=cert.pem")), dir);
    assertThat(values).isEqualTo(Map.of("tls", Map.of("cert", "line1\nline2\n")));

    assertThatThrownBy(() -> UserValues.load(
            ValuesOptions.none().withSetFile(List.of("tls.cert=missing.pem")), dir))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("--set-file")
        .hasMessageContaining("missing.pem: no such file");
  }

  @Test
  void badSetExpressionNamesTheFlagWhichUseAndPosition() {
    assertThatThrownBy(() -> UserValues.load(ValuesOptions.none().withSet(List.of("a=1", "a=1,b"))))
        .isInstanceOf(ValuesException.class)
        .hasMessage("--set #2 at character 5: key \"b\" has no value");
    assertThatThrownBy(() -> UserValues.load(ValuesOptions.none().withSet(List.of("a[x]=1"))))
        .hasMessageStartingWith("--set #1 at character 4: error parsing index");
  }

  @Test
  void setInfersOnlyHelmsTypes() {
    Map<String, Object> values = UserValues.load(ValuesOptions.none().withSet(List.of(
        "t=TRUE,f=False,n=NULL,i=42,neg=-7,z=0,ver=1.10,oct=0123,exp=1e3,big=99999999999999999999")));

    assertThat(values.get("t")).isEqualTo(true);
    assertThat(values.get("f")).isEqualTo(false);
    assertThat(values).containsEntry("n", null);
    assertThat(Arrays.asList(values.get("i"), values.get("neg"), values.get("z")))
        .containsExactly(42L, -7L, 0L);
    assertThat(Arrays.asList(values.get("ver"), values.get("oct"), values.get("exp"), values.get("big")))
        .containsExactly("1.10", "0123", "1e3", "99999999999999999999");
  }
}

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
        .hasMessageStartingWith("bad.yaml:");
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
  void badSetExpressionNamesTheFlagAndPosition() {
    assertThatThrownBy(() -> UserValues.load(ValuesOptions.none().withSet(List.of("a=1,b"))))
        .isInstanceOf(ValuesException.class)
        .hasMessage("--set \"a=1,b\" at character 5: key \"b\" has no value");
    assertThatThrownBy(() -> UserValues.load(ValuesOptions.none().withSet(List.of("a[x]=1"))))
        .hasMessageStartingWith("--set \"a[x]=1\" at character 4: error parsing index");
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

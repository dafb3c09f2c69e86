package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Examples of the grammar whose Helm behaviour is surprising enough to spell out here; the full
 * comparison with Helm is {@link HelmParityTest}.
 */
class SetParserTest {

  @Test
  void errorsNameTheFlagItsUseAndTheCharacterButNotTheValues() {
    assertThatThrownBy(() -> SetParser.parse(SetFlag.SET_STRING, "password=s3cret,a={x,y"))
        .isInstanceOf(ValuesException.class)
        .hasMessage("--set-string #1 at character 22: list must terminate with '}'");
    assertThatThrownBy(() -> SetParser.parse(SetFlag.SET, "servers[0]name=a"))
        .hasMessage("--set #1 at character 15: unexpected data at end of array index: \"name\"");
    assertThatThrownBy(() -> SetParser.parse(SetFlag.SET_JSON, "token={\"v\":s3cret}"))
        .hasMessage("--set-json #1 at character 17: invalid JSON value");
  }

  @Test
  void aKeyEndingRightAfterAnIndexSetsAnEmptyListAsHelmDoes() {
    assertThat(SetParser.parse(SetFlag.SET, "a=1,b[2]")).isEqualTo(Map.of("a", 1L, "b", List.of()));
  }

  @Test
  void textAfterAListStartsTheNextKey() {
    assertThat(SetParser.parse(SetFlag.SET, "a={x}y=1")).isEqualTo(Map.of("a", List.of("x"), "y", 1L));
  }

  @Test
  void indexesOutOfOrderReplaceAScalarWithAMap() {
    Map<String, Object> out = SetParser.parse(SetFlag.SET, "a[1]=x,a[0]=y,a[1].b=z");

    assertThat(out).isEqualTo(Map.of("a", List.of("y", Map.of("b", "z"))));
  }

  @Test
  void setJsonReadsOneJsonValuePerKeyAndEmptyIsNull() {
    Map<String, Object> out = SetParser.parse(SetFlag.SET_JSON, "a={\"b\":[1,2.5,\"x,y\"]}, c=");

    assertThat(out.get("a")).isEqualTo(Map.of("b", Arrays.asList(1L, 2.5, "x,y")));
    assertThat(out).containsEntry(" c", null);
  }

  @Test
  void setLiteralKeysHaveNoEscapes() {
    assertThat(SetParser.parse(SetFlag.SET_LITERAL, "a\\.b=x,y"))
        .isEqualTo(Map.of("a\\", Map.of("b", "x,y")));
  }

  @Test
  void nestingLimitsProtectTheStack() {
    String deepNames = String.join(".", java.util.Collections.nCopies(32, "k")) + "=v";
    assertThatThrownBy(() -> SetParser.parse(SetFlag.SET, deepNames))
        .hasMessageEndingWith("value name nested level is greater than maximum supported nested level of 30");

    String deepLists = "a" + "[0]".repeat(SetParser.MAX_LIST_NESTING + 2) + "=v";
    assertThatThrownBy(() -> SetParser.parse(SetFlag.SET, deepLists))
        .isInstanceOf(ValuesException.class)
        .hasMessageEndingWith("lists nested deeper than 1000 levels");
  }
}

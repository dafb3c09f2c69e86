package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A values file is untrusted: aliases may not expand it past what Helm's own YAML library allows. */
class AliasBombTest {
  /** Nine levels of nine aliases: under 400 bytes, 9^9 (387 million) strings when expanded. */
  private static String bomb(int levels) {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int level = 1; level < levels; level++) {
      char name = (char) ('a' + level);
      char previous = (char) (name - 1);
      String aliases = IntStream.range(0, 9).mapToObj(i -> "*" + previous).collect(Collectors.joining(","));
      yaml.append(name).append(": &").append(name).append(" [").append(aliases).append("]\n");
    }
    return yaml.toString();
  }

  @Test
  @Timeout(10)
  void aBillionLaughsIsRefusedBeforeItIsExpanded() {
    String yaml = bomb(9);
    assertThat(yaml.length()).isLessThan(400);

    assertThatThrownBy(() -> ValuesYaml.read("values.yaml", yaml))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("values.yaml:")
        .hasMessageContaining("document contains excessive aliasing");
  }

  @Test
  void aliasesWithinHelmsRatioStillExpand() {
    Map<String, Object> values = ValuesYaml.read("values.yaml", bomb(3));

    assertThat((List<?>) values.get("c")).hasSize(9).allSatisfy(b -> assertThat((List<?>) b).hasSize(9));
  }

  @Test
  void theRatioFallsFromNinetyNineToTenPercentAsHelmsDoes() {
    assertThat(AliasBudget.allowedRatio(1_000)).isEqualTo(0.99);
    assertThat(AliasBudget.allowedRatio(2_200_000)).isCloseTo(0.545, org.assertj.core.data.Offset.offset(0.001));
    assertThat(AliasBudget.allowedRatio(5_000_000)).isEqualTo(0.10);
  }
}

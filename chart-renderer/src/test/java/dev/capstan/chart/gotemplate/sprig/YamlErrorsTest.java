package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid YAML given to fromYaml/fromYamlArray: rejected as Go rejects it, with goyaml.v2's
 * message for the errors YamlErrors translates (all of yaml-errors.txt); SnakeYAML's own wording
 * remains for the others.
 */
class YamlErrorsTest {
  static Stream<GoldenCases.Case> cases() throws IOException {
    return GoldenCases.read("yaml-errors.golden").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectedWithGoMessage(GoldenCases.Case c) {
    Object result = HelmFunctions.all().get(c.fn()).body().call(new ArrayList<>(c.args()));
    String goMessage = c.fn().equals("fromYaml")
        ? c.result().get("Error").textValue() : c.result().get(0).textValue();
    String message = result instanceof Map<?, ?> m ? (String) m.get("Error")
        : (String) ((List<?>) result).get(0);
    assertThat(message).as(c.toString()).isEqualTo(goMessage);
  }
}

package dev.capstan.chart.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GoFmt and GoValues against fmt-golden.json, written by real Go (tools/gotemplate-oracle/fmtcases). */
class GoFmtTest {
  @Test
  void everyGoldenCasePrintsAsGoPrintsIt() throws Exception {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/gotemplate/fmt-golden.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    List<String> failures = new ArrayList<>();
    for (JsonNode c : cases) {
      List<Object> args = GoldenArgs.decodeAll(c.get("args"));
      String fn = c.get("fn").asText();
      String got = switch (fn) {
        case "sprint" -> GoFmt.sprint(args);
        case "sprintln" -> GoFmt.sprintln(args);
        case "kind" -> GoValues.kindName(args.get(0));
        case "truth" -> String.valueOf(GoValues.isTrue(args.get(0)));
        default -> GoFmt.sprintf(c.get("format").asText(), args);
      };
      String want = c.get("out").asText();
      if (!got.equals(want)) {
        failures.add(fn + " " + c.path("format").asText("") + " " + c.get("args") + ": want <"
            + want + "> got <" + got + ">");
      }
    }
    assertThat(cases.size()).isGreaterThan(1000);
    assertThat(failures).isEmpty();
  }

  @Test
  void sprintOfOneValueMatchesTheListForm() {
    assertThat(GoFmt.sprint((Object) 1000000.0)).isEqualTo("1e+06");
    assertThat(GoFmt.sprint((Object) null)).isEqualTo("<nil>");
    assertThat(GoFmt.sprint("x")).isEqualTo("x");
  }
}

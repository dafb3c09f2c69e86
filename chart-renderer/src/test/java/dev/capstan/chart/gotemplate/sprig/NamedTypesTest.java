package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoNamed;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Named Go types (Helm's chartutil.Values for .Values) where Sprig treats them differently from
 * map[string]interface{}: dig's type assertion refuses them, as it does in Helm; kind-based
 * functions accept them; typeOf names them.
 */
class NamedTypesTest {
  /** Stands for chartutil.Values, which the chart renderer gives templates as .Values. */
  static final class Values extends LinkedHashMap<String, Object> implements GoNamed {
    Values(Map<String, Object> m) {
      super(m);
    }

    @Override
    public String goTypeName() {
      return "chartutil.Values";
    }
  }

  private static Object call(String name, Object... args) {
    return HelmFunctions.all().get(name).body().call(new ArrayList<>(Arrays.asList(args)));
  }

  @Test
  void digRefusesNamedMapsAsHelmDoes() {
    Values values = new Values(Map.of("a", new LinkedHashMap<>(Map.of("b", "found"))));
    assertThatThrownBy(() -> call("dig", "a", "b", "none", values))
        .isInstanceOf(GoFuncException.class)
        .hasMessage("interface conversion: interface {} is chartutil.Values, not map[string]interface {}");
    assertThat(call("dig", "a", "b", "none", new LinkedHashMap<>(values))).isEqualTo("found");
  }

  @Test
  void tomlLocalDatesAreTimesInTheMachineOffsetAsInGo() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) call("fromToml",
        "ld = 1979-05-27\nldt = 1979-05-27T07:32:00\nlt = 07:32:00.5\n");
    assertThat(call("typeOf", m.get("ld"))).isEqualTo("time.Time");
    assertThat((String) call("toString", m.get("ld")))
        .matches("1979-05-27 00:00:00 [+-]\\d{4} date-local");
    assertThat((String) call("toString", m.get("ldt")))
        .matches("1979-05-27 07:32:00 [+-]\\d{4} datetime-local");
    assertThat((String) call("toString", m.get("lt"))).matches("0000-01-01 07:32:00.5 [+-]\\d{4} time-local");
  }

  @Test
  void kindBasedFunctionsAcceptNamedMaps() {
    Values values = new Values(Map.of("a", 1.0));
    assertThat(call("typeOf", values)).isEqualTo("chartutil.Values");
    assertThat(call("kindOf", values)).isEqualTo("map");
    assertThat(call("empty", values)).isEqualTo(false);
    assertThat(call("toJson", values)).isEqualTo("{\"a\":1}");
    assertThat(call("toYaml", values)).isEqualTo("a: 1");
    assertThat(call("hasKey", values, "a")).isEqualTo(true);
  }
}

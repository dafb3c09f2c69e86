package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the {@code --set} parser and the values merge, over generated input. */
class ValuesPropertiesTest {

  @Property
  void parserOnlyEverFailsWithValuesException(
      @ForAll("expressions") String expression, @ForAll SetFlag flag) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      SetParser.parseInto(flag, 1, expression, out, path -> {
        throw new ValuesException(path, "no such file");
      });
    } catch (ValuesException expected) {
      assertThat(expected.getMessage()).startsWith(flag.flagName() + " #1 at character ");
      return;
    }
    assertOnlyValueTypes(out);
  }

  @Property
  void valuesYamlOnlyEverFailsWithValuesException(@ForAll("yamlish") String text) {
    try {
      assertOnlyValueTypes(ValuesYaml.read("f.yaml", text));
    } catch (ValuesException expected) {
      assertThat(expected.getMessage()).startsWith("f.yaml");
    }
  }

  @Property
  void setOfAPathYieldsTheInferredValue(
      @ForAll("keys") String a, @ForAll("keys") String b, @ForAll("values") String v) {
    Map<String, Object> out =
        SetParser.parse(SetFlag.SET, escapeKey(a) + "." + escapeKey(b) + "=" + escapeValue(v));

    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put(b, Inference.infer(v));
    assertThat(out).isEqualTo(Map.of(a, inner));
  }

  @Property
  void setStringKeepsAnyKeyAndValueVerbatimOnceEscaped(
      @ForAll("keys") String key, @ForAll("values") String v) {
    Map<String, Object> out = SetParser.parse(SetFlag.SET_STRING, escapeKey(key) + "=" + escapeValue(v));

    assertThat(out).containsExactly(Map.entry(key, v));
  }

  @Property
  void setLiteralTakesTheWholeValueWithoutEscaping(
      @ForAll("literalKeys") String key, @ForAll String v) {
    Map<String, Object> out = SetParser.parse(SetFlag.SET_LITERAL, key + "=" + v);

    assertThat(out).containsExactly(Map.entry(key, v));
  }

  @Property
  void inferenceTypesOnlyHelmsLiterals(@ForAll("values") String v) {
    Object typed = Inference.infer(v);
    if (typed instanceof Long n) {
      assertThat(v).matches("[+-]?[0-9]+");
      if (!v.equals("0")) {
        assertThat(v).doesNotStartWith("0");
      }
      assertThat(n).isEqualTo(Long.parseLong(v));
    } else if (typed instanceof Boolean bool) {
      assertThat(v).isEqualToIgnoringCase(bool.toString());
    } else if (typed == null) {
      assertThat(v).isEqualToIgnoringCase("null");
    } else {
      assertThat(typed).isEqualTo(v);
    }
  }

  @Property
  void listIndexesGrowTheListWithNulls(@ForAll("plainKeys") String key, @ForAll("indexes") int i) {
    Map<String, Object> out = SetParser.parse(SetFlag.SET_STRING, key + "[" + i + "]=x");

    List<?> list = (List<?>) out.get(key);
    assertThat(list).hasSize(i + 1).last().isEqualTo("x");
    assertThat(list.subList(0, i)).allMatch(java.util.Objects::isNull);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void mergingAMapWithItselfChangesNothing(@ForAll("valueMaps") Map<String, Object> m) {
    assertThat(ValueMaps.merge(m, ValueMaps.deepCopy(m))).isEqualTo(m);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void coalescingDefaultsWithThemselvesOrNothingGivesTheDefaults(
      @ForAll("valueMaps") Map<String, Object> m) {
    TestChart chart = new TestChart("c", m, List.of());

    assertThat(Coalesce.coalesce(chart, ValueMaps.deepCopy(m))).isEqualTo(m);
    assertThat(Coalesce.coalesce(chart, Map.of())).isEqualTo(m);
  }

  @Property
  void userValuesAlwaysWinOverDefaultsWhereBothAreScalars(
      @ForAll("plainKeys") String key, @ForAll String user, @ForAll long byDefault) {
    TestChart chart = new TestChart("c", Map.of(key, byDefault), List.of());

    assertThat(Coalesce.coalesce(chart, Map.of(key, user))).containsExactly(Map.entry(key, user));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void coalesceDoesNotModifyItsArguments(
      @ForAll("valueMaps") Map<String, Object> defaults, @ForAll("valueMaps") Map<String, Object> user) {
    Map<String, Object> defaultsBefore = ValueMaps.deepCopy(defaults);
    Map<String, Object> userBefore = ValueMaps.deepCopy(user);

    Coalesce.coalesce(new TestChart("c", defaults, List.of()), user);

    assertThat(defaults).isEqualTo(defaultsBefore);
    assertThat(user).isEqualTo(userBefore);
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> grammar = Arbitraries.strings()
        .withChars("ab.=,[]{}\\0123456789-\" :nul")
        .ofMaxLength(40);
    return Arbitraries.oneOf(grammar, Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings().withChars("ab: -[]{}&*!<>|'\"\n #~.01yesno?,%@`").ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
        .withChars("ab.=,[]{}\\ é")
        .withCharRange('0', '9');
  }

  @Provide
  Arbitrary<String> plainKeys() {
    return Arbitraries.strings().alpha().numeric().withChars("-_/ ").ofMinLength(1).ofMaxLength(12);
  }

  /** {@code --set-literal} keys stop only at {@code = [ .}; a comma is part of the key. */
  @Provide
  Arbitrary<String> literalKeys() {
    return Arbitraries.strings().alpha().numeric().withChars("-_/ ,\\{}").ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.of("true", "FALSE", "Null", "0", "00", "-0", "+7", "1.10", "0123", "1e3", "",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "{x}", "٣"),
        Arbitraries.longs().map(String::valueOf));
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, 300);
  }

  @Provide
  Arbitrary<Map<String, Object>> valueMaps() {
    return valueMap(3);
  }

  private Arbitrary<Map<String, Object>> valueMap(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(6).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.strings().ofMaxLength(3).list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l)));
    Arbitrary<Object> value = depth == 0
        ? scalar
        : Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, scalar),
            net.jqwik.api.Tuple.of(1, valueMap(depth - 1).map(m -> (Object) m)));
    return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), value)
        .ofMaxSize(4)
        .map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
  }

  /** Backslash-escapes everything the key grammar stops at. */
  static String escapeKey(String key) {
    return key.replaceAll("([\\\\.\\[=,\\]{}])", "\\\\$1");
  }

  /** Backslash-escapes the value separators and a leading brace, which would start a list. */
  static String escapeValue(String value) {
    return value.replaceAll("([\\\\,{])", "\\\\$1");
  }

  private static void assertOnlyValueTypes(Object value) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        assertThat(k).isInstanceOf(String.class);
        assertOnlyValueTypes(v);
      });
    } else if (value instanceof List<?> l) {
      l.forEach(ValuesPropertiesTest::assertOnlyValueTypes);
    } else if (value != null) {
      assertThat(value).isInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
    }
  }
}

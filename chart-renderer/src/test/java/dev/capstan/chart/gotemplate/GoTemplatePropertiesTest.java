package dev.capstan.chart.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text a chart holds, the engine answers with output or one of its own exceptions (a
 * Go-worded message), never a Java failure (null pointer, class cast, index, stack overflow) and
 * never past its budget. The templates are token soup, most of it invalid on purpose.
 */
class GoTemplatePropertiesTest {
  private static final List<String> TOKENS = List.of("{{", "}}", "{{- ", " -}}", " ", "\n", ".a",
      ".b", ".l", ".m", ".", "$", "$x", "$y", ":=", "=", "|", "(", ")", ",", "range", "if", "else",
      "with", "end", "define", "template", "block", "break", "continue", "\"d\"", "\"s\"", "`r`",
      "'c'", "1", "-2", "1.5", "0x1F", "1i", "nil", "true", "print", "printf", "\"%v%d\"", "index",
      "slice", "len", "eq", "lt", "and", "or", "not", "html", "js", "call", "/*", "*/", "text",
      "double", "list", "dict", "cat", "oops", "keys", "$.a", "#", "\\", "\"");

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> actions() {
    // Mostly well-formed actions, so execution is reached and exercised too.
    Arbitrary<String> inner = Arbitraries.of(TOKENS).filter(t -> !t.contains("{{") && !t.contains("}}"))
        .list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l));
    return inner.list().ofMinSize(1).ofMaxSize(5)
        .map(l -> "x{{ " + String.join(" }}y{{ ", l) + " }}z");
  }

  private static Map<String, Object> data() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", Map.of("b", 1.5, "s", "str"));
    m.put("b", null);
    List<Object> l = new ArrayList<>();
    l.add("e");
    l.add(null);
    l.add(3L);
    m.put("l", l);
    m.put("m", new LinkedHashMap<>(Map.of("k", List.of(1))));
    return m;
  }

  private static void check(String text) {
    GoBudget budget = GoBudget.of(100_000, 20, Duration.ofSeconds(2));
    try {
      GoTemplateSet set = GoTemplateSet.create("t", TestFuncs.all()).parse("t", text);
      for (MissingKey mk : MissingKey.values()) {
        try {
          String out = set.executeToString("t", data(),
              ExecOptions.defaults().withMissingKey(mk).withBudget(budget));
          assertThat(out.length()).isLessThanOrEqualTo(100_000);
        } catch (GoTemplateException e) {
          assertThat(e.getMessage()).startsWith("template: ");
        }
      }
    } catch (GoTemplateParseException e) {
      assertThat(e.getMessage()).startsWith("template: t:");
    }
  }

  @Property(tries = 3000)
  void anyTextParsesOrFailsWithAGoMessage(@ForAll("templates") String text) {
    check(text);
  }

  @Property(tries = 3000)
  void anyActionExecutesOrFailsWithAGoMessage(@ForAll("actions") String text) {
    check(text);
  }
}

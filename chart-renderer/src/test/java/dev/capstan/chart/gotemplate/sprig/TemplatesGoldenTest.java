package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.chart.gotemplate.ExecOptions;
import dev.capstan.chart.gotemplate.GoTemplateSet;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Helm's function map through the Java Go-template engine, end to end: each case of
 * templates.golden (written by hand) and templates-fuzz.golden (random calls of every
 * deterministic function, arguments of their parameter types) is a template and its values, rendered by real Go text/template with the real
 * Sprig and Helm's functions (tools/gotemplate-oracle/funcs), output or error compared verbatim.
 */
class TemplatesGoldenTest {
  record Case(String file, int line, String template, Object values, String output,
      String error) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + template;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String file : List.of("templates.golden", "templates-fuzz.golden")) {
      read(file, out);
    }
    return out.stream();
  }

  private static void read(String file, List<Case> out) throws IOException {
    String text;
    try (InputStream in = TemplatesGoldenTest.class.getResourceAsStream(
        "/gotemplate/funcs/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].trim();
      if (!t.startsWith("[")) {
        continue;
      }
      JsonNode c = GoldenCases.JSON.readTree(t);
      String result = GoldenCases.JSON.readTree(lines[i + 1].substring(3)).textValue();
      boolean ok = lines[i + 1].startsWith("=> ");
      out.add(new Case(file, i + 1, c.get(0).textValue(), GoldenCases.decode(c.get(1)),
          ok ? result : null, ok ? null : result));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsGo(Case c) {
    Map<String, Object> dot = new LinkedHashMap<>();
    dot.put("Values", c.values());
    String output;
    try {
      output = GoTemplateSet.create("t", HelmFunctions.all())
          .parse("t", c.template())
          .executeToString("t", dot, ExecOptions.defaults());
    } catch (RuntimeException e) {
      assertThat(e.getMessage()).as(c.toString()).isEqualTo(c.error());
      return;
    }
    assertThat(c.error()).as("%s: Go fails, Java rendered %s", c, output).isNull();
    assertThat(output).as(c.toString()).isEqualTo(c.output());
  }
}

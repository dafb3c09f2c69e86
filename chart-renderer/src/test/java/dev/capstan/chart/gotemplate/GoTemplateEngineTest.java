package dev.capstan.chart.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against Go's text/template: every case of gotemplate/engine/NAME.cases, executed by
 * Go 1.23.7 (tools/gotemplate-oracle/regenerate-engine.sh), must print the same text or fail with
 * the same error message.
 */
class GoTemplateEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where Capstan knowingly differs from Go, with what it does instead. Each is a limit of the value
   * model or of the JVM, not a golden to edit: nothing else may be added here without a reason.
   */
  private static final Map<String, String> DEVIATIONS = Map.of(
      // The JVM stack cannot hold Go's 100000 nested template calls: the budget stops it first.
      "recursion-too-deep",
      "ERROR template: main:1:28: executing \"r\" at <{{template \"r\" .}}>: templates nested"
          + " deeper than 200",
      // A Java List does not know whether Go would have typed it []string or []interface{}.
      "strings-param-list", "a+b",
      // A Go int is 64 bits; a constant beyond 32 bits is an int64 here (it prints the same).
      "any-param",
      "int float64 string bool float64 int64 []interface {} map[string]interface {} []uint8 <nil>"
          + " <nil> <nil> int int float64 int64");

  /** Cases fuzz-engine.sh generated and ran through Go outside the build, when it asks. */
  @Test
  @EnabledIfSystemProperty(named = "gotemplate.fuzz.dir", matches = ".+")
  void fuzzedCasesBehaveAsInGo() throws Exception {
    Path dir = Path.of(System.getProperty("gotemplate.fuzz.dir"));
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path cases : files.filter(f -> f.toString().endsWith(".cases")).sorted().toList()) {
        String name = cases.getFileName().toString().replace(".cases", "");
        failures.addAll(compare(EngineCases.read(Files.readString(cases)),
            JSON.readTree(dir.resolve(name + ".golden.json").toFile())));
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"syntax", "control", "define", "builtins", "funcs", "errors", "missing",
      "printing", "whitespace", "scoping", "random", "gentle", "positions",
      "control-random", "fmt-random"})
  void casesBehaveAsInGo(String file) throws Exception {
    List<EngineCases.Case> cases;
    JsonNode golden;
    try (InputStream text = getClass().getResourceAsStream("/gotemplate/engine/" + file + ".cases");
        InputStream in = getClass().getResourceAsStream(
            "/gotemplate/engine/" + file + ".golden.json")) {
      cases = EngineCases.read(new String(text.readAllBytes(), StandardCharsets.UTF_8));
      golden = JSON.readTree(in);
    }
    assertThat(compare(cases, golden)).as(file).isEmpty();
  }

  private static List<String> compare(List<EngineCases.Case> cases, JsonNode golden) {
    assertThat(golden.size()).isEqualTo(cases.size());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      EngineCases.Case c = cases.get(i);
      JsonNode want = golden.get(i);
      assertThat(want.get("name").asText()).isEqualTo(c.name());
      String got = run(c);
      String expected = want.has("error") ? "ERROR " + want.get("error").asText()
          : want.get("output").asText();
      expected = DEVIATIONS.getOrDefault(c.name(), expected);
      if (!got.equals(expected)) {
        failures.add(c.name() + ":\n    want: " + expected + "\n    got:  " + got);
      }
    }
    return failures;
  }

  static String run(EngineCases.Case c) {
    try {
      GoTemplateSet set = GoTemplateSet.create(c.templates().get(0).name(), TestFuncs.all());
      for (EngineCases.Template t : c.templates()) {
        set.parse(t.name(), t.text());
      }
      Object data = c.data().isEmpty() ? null : decode(JSON.readTree(c.data()));
      MissingKey mk = switch (c.missingKey()) {
        case "zero" -> MissingKey.ZERO;
        case "error" -> MissingKey.ERROR;
        default -> MissingKey.DEFAULT;
      };
      String exec = c.exec().isEmpty() ? c.templates().get(0).name() : c.exec();
      return set.executeToString(exec, data, ExecOptions.defaults().withMissingKey(mk));
    } catch (GoTemplateException e) {
      return "ERROR " + e.getMessage();
    } catch (Exception e) {
      return "EXCEPTION " + e;
    }
  }

  private static Object decode(JsonNode n) {
    if (n.isTextual() && n.asText().startsWith("o:")) {
      return TestFuncs.Obj.sample(n.asText().substring(2));
    }
    if (n.isObject()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), decode(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(decode(e)));
      return l;
    }
    return GoldenArgs.decode(n);
  }
}

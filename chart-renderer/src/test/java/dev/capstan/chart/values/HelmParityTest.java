package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case of {@code values/cases.json} through {@link UserValues} and {@link Coalesce}
 * and compares with what real Helm 3.17 printed for it ({@code golden/helm/<id>.json}, written by
 * {@code tools/helm-oracle/regenerate.sh}): each chart scope's values exactly, with JSON types
 * (string, number, boolean, null, list, map), or that both fail, values.schema.json checks included.
 */
class HelmParityTest {
  private static final Path VALUES = Path.of("src/test/resources/values");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/helm");
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  @Test
  void everyCaseHasAGoldenFileAndViceVersa() throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    cases().forEach(c -> ids.add(c.get("id").asText()));
    TreeSet<String> goldens = new TreeSet<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      files.forEach(f -> goldens.add(f.getFileName().toString().replaceFirst("\\.json$", "")));
    }
    assertThat(goldens).isEqualTo(ids);
    assertThat(ids).hasSizeGreaterThanOrEqualTo(60);
  }

  @TestFactory
  Stream<DynamicTest> valuesMatchHelm() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> replay(c)));
  }

  private static void replay(JsonNode testCase) throws IOException {
    String id = testCase.get("id").asText();
    JsonNode golden = JSON.readTree(GOLDEN.resolve(id + ".json").toFile());
    assertThat(golden.get("args")).as("golden file is stale; run tools/helm-oracle/regenerate.sh")
        .isEqualTo(testCase.get("args"));
    List<String> args = new ArrayList<>();
    testCase.get("args").forEach(a -> args.add(a.asText()));
    ValuesOptions options = options(args);
    TestChart chart = TestChart.load(VALUES.resolve("charts").resolve(testCase.get("chart").asText()));

    if (golden.has("error")) {
      String helmError = golden.get("error").asText();
      assertThatThrownBy(() -> chart.validate(Coalesce.coalesce(chart, UserValues.load(options, VALUES))))
          .as("Helm failed with: %s", helmError)
          .isInstanceOf(ValuesException.class)
          .hasMessageStartingWith(expectedPlace(helmError));
      return;
    }
    Map<String, Object> values = Coalesce.coalesce(chart, UserValues.load(options, VALUES));
    chart.validate(values);
    for (Iterator<Map.Entry<String, JsonNode>> it = golden.get("scopes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> scope = it.next();
      Object ours = values;
      String[] parts = scope.getKey().split("/");
      for (int i = 2; i < parts.length; i += 2) {
        ours = ((Map<?, ?>) ours).get(parts[i]);
      }
      String diff = difference("$", scope.getValue(), JSON.valueToTree(ours));
      if (diff != null) {
        fail("scope %s differs from Helm at %s%n helm: %s%n ours: %s", scope.getKey(), diff,
            scope.getValue(), JSON.valueToTree(ours));
      }
    }
  }

  /** Where our message must start, from where Helm's says the problem is. */
  private static String expectedPlace(String helmError) {
    String[][] places = {
        {"failed parsing (--set[a-z-]*) data", "%s #"},
        {"failed to parse ([^:]+):", "%s"},
        {"open ([^:]+): no such file", "%s"},
        {"in the following chart\\(s\\):\\s+([a-z]+):", "%s/values.schema.json"}};
    for (String[] place : places) {
      Matcher m = Pattern.compile(place[0]).matcher(helmError);
      if (m.find()) {
        return String.format(place[1], m.group(1));
      }
    }
    return "";
  }

  static ValuesOptions options(List<String> args) {
    List<Path> files = new ArrayList<>();
    List<String> set = new ArrayList<>();
    List<String> string = new ArrayList<>();
    List<String> file = new ArrayList<>();
    List<String> json = new ArrayList<>();
    List<String> literal = new ArrayList<>();
    for (int i = 0; i < args.size(); i += 2) {
      String value = args.get(i + 1);
      switch (args.get(i)) {
        case "-f", "--values" -> files.add(Path.of(value));
        case "--set" -> set.add(value);
        case "--set-string" -> string.add(value);
        case "--set-file" -> file.add(value);
        case "--set-json" -> json.add(value);
        case "--set-literal" -> literal.add(value);
        default -> throw new IllegalArgumentException("unknown flag " + args.get(i));
      }
    }
    return new ValuesOptions(files, set, string, file, json, literal);
  }

  /** The path of the first difference, or null; numbers compare by value, not by spelling. */
  static String difference(String path, JsonNode helm, JsonNode ours) {
    if (helm.isNumber() && ours.isNumber()) {
      return sameNumber(helm, ours) ? null : path;
    }
    if (helm.getNodeType() != ours.getNodeType()) {
      return path + " (" + helm.getNodeType() + " vs " + ours.getNodeType() + ")";
    }
    if (helm.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      helm.fieldNames().forEachRemaining(keys::add);
      TreeSet<String> ourKeys = new TreeSet<>();
      ours.fieldNames().forEachRemaining(ourKeys::add);
      if (!keys.equals(ourKeys)) {
        return path + " keys " + keys + " vs " + ourKeys;
      }
      for (String k : keys) {
        String d = difference(path + "." + k, helm.get(k), ours.get(k));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (helm.isArray()) {
      if (helm.size() != ours.size()) {
        return path + " length " + helm.size() + " vs " + ours.size();
      }
      for (int i = 0; i < helm.size(); i++) {
        String d = difference(path + "[" + i + "]", helm.get(i), ours.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return helm.equals(ours) ? null : path;
  }

  /**
   * An integer Helm printed that fits 64 bits must match exactly (int64s print in full); any other
   * number is a float64 Helm printed in shortest form, which matches when it is the same double.
   */
  private static boolean sameNumber(JsonNode helm, JsonNode ours) {
    BigDecimal exact = helm.decimalValue();
    if (helm.isIntegralNumber() && helm.bigIntegerValue().bitLength() < 64) {
      return exact.compareTo(ours.decimalValue()) == 0;
    }
    return exact.doubleValue() == ours.doubleValue();
  }

  private static List<JsonNode> cases() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(VALUES.resolve("cases.json").toFile()).forEach(out::add);
    return out;
  }
}

package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoType;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The function names and parameter types of Helm 3.17's FuncMap as Go reports them
 * (signatures.txt, written by tools/gotemplate-oracle/funcs), against the Java map: the same
 * names, and each parameter declared with the GoType of the Go type, so that the executor refuses
 * the same arguments Go refuses.
 */
class SignaturesTest {
  /** Go parameter types the value model has no GoType for: checked inside the function body. */
  private static final Map<String, GoType> CHECKED_IN_BODY = Map.of(
      "uint32", GoType.ANY, "time.Time", GoType.ANY, "sprig.certificate", GoType.ANY);

  private static final Pattern LINE = Pattern.compile("(\\w+)\\((.*)\\) (.*)");

  @Test
  void sameFunctionsWithGoParameterTypes() throws IOException {
    Map<String, String> go = read();
    // include, tpl and lookup need the template set: the chart renderer adds them.
    TreeSet<String> missing = new TreeSet<>(go.keySet());
    missing.removeAll(HelmFunctions.all().keySet());
    TreeSet<String> extra = new TreeSet<>(HelmFunctions.all().keySet());
    extra.removeAll(go.keySet());
    assertThat(missing).as("functions Go has and Java lacks").isEmpty();
    assertThat(extra).as("functions Java has and Go lacks").isEmpty();
    List<String> mismatches = new ArrayList<>();
    go.forEach((name, params) -> {
      GoFunc f = HelmFunctions.all().get(name);
      String java = f == null ? "missing" : describe(f);
      if (!java.equals(expected(params))) {
        mismatches.add(name + ": Go (" + params + "), Java (" + java + ")");
      }
    });
    assertThat(mismatches).isEmpty();
  }

  private static String expected(String params) {
    List<String> out = new ArrayList<>();
    if (params.isEmpty()) {
      return "";
    }
    for (String p : params.split(", ")) {
      boolean variadic = p.startsWith("...");
      String type = variadic ? p.substring(3) : p;
      GoType t = CHECKED_IN_BODY.get(type);
      out.add((variadic ? "..." : "") + (t != null ? t.goName() : type));
    }
    return String.join(", ", out);
  }

  private static String describe(GoFunc f) {
    List<String> out = new ArrayList<>();
    f.params().forEach(p -> out.add(p.goName()));
    if (f.isVariadic()) {
      out.add("..." + f.variadic().goName());
    }
    return String.join(", ", out);
  }

  private static Map<String, String> read() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = SignaturesTest.class.getResourceAsStream(
        "/gotemplate/funcs/signatures.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
          out.put(m.group(1), m.group(2));
        }
      }
    }
    return out;
  }
}

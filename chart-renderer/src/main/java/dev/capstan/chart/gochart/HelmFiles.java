package dev.capstan.chart.gochart;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoNamed;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code .Files}: Helm's {@code engine.files}, a map of path to bytes with methods. It is a map to
 * templates ({@code range $path, $bytes := .Files.Glob "conf/*"}, printing shows
 * {@code map[a.txt:[104 105]]}) of the named type {@code engine.files} ({@link GoNamed}), with the
 * methods {@code Get}, {@code GetBytes},
 * {@code Glob}, {@code Lines}, {@code AsConfig} and {@code AsSecrets}. It holds the chart's files
 * as Helm's loader sorts them: everything but Chart.yaml, Chart.lock, values.yaml,
 * values.schema.json and what is under templates/ and charts/.
 */
final class HelmFiles extends AbstractMap<String, Object> implements GoNamed {
  private static final Set<String> NOT_FILES = Set.of("Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json",
      "requirements.yaml", "requirements.lock");
  private static final GoFunc TO_YAML = HelmFunctions.all().get("toYaml");

  private final TreeMap<String, Object> files;

  private HelmFiles(TreeMap<String, Object> files) {
    this.files = files;
  }

  /** The chart's files; read now, once per chart and render. */
  static HelmFiles of(ChartFiles source) {
    TreeMap<String, Object> files = new TreeMap<>();
    for (String path : source.list()) {
      if (!NOT_FILES.contains(path) && !path.startsWith("templates/") && !path.startsWith("charts/")) {
        files.put(path, source.read(path));
      }
    }
    return new HelmFiles(files);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Collections.unmodifiableMap(files).entrySet();
  }

  @Override
  public Object get(Object key) {
    return files.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return files.containsKey(key);
  }

  @Override
  public String goTypeName() {
    return "engine.files";
  }

  @Override
  public GoFunc method(String name) {
    return switch (name) {
      case "Get" -> GoFunc.of("Get", List.of(STRING), a -> new String(bytes((String) a.get(0)), StandardCharsets.UTF_8));
      case "GetBytes" -> GoFunc.of("GetBytes", List.of(STRING), a -> bytes((String) a.get(0)));
      case "Glob" -> GoFunc.of("Glob", List.of(STRING), a -> glob((String) a.get(0)));
      case "Lines" -> GoFunc.of("Lines", List.of(STRING), a -> lines((String) a.get(0)));
      case "AsConfig" -> GoFunc.of("AsConfig", List.of(), a -> asConfig(false));
      case "AsSecrets" -> GoFunc.of("AsSecrets", List.of(), a -> asConfig(true));
      default -> null;
    };
  }

  private byte[] bytes(String path) {
    Object data = files.get(path);
    return data == null ? new byte[0] : (byte[]) data;
  }

  private HelmFiles glob(String pattern) {
    Pattern matcher = GobwasGlob.compile(pattern);
    TreeMap<String, Object> matched = new TreeMap<>();
    files.forEach((path, data) -> {
      if (matcher.matcher(path).matches()) {
        matched.put(path, data);
      }
    });
    return new HelmFiles(matched);
  }

  /** Helm's Lines: the file split on '\n' after dropping one trailing newline; a missing file has none. */
  private List<Object> lines(String path) {
    Object data = files.get(path);
    if (data == null) {
      return new ArrayList<>();
    }
    String s = new String((byte[]) data, StandardCharsets.UTF_8);
    if (s.isEmpty()) {
      // Helm reads the last byte of the file unchecked: an empty file panics, and Go reports that.
      throw new GoFuncException("runtime error: index out of range [-1]");
    }
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return new ArrayList<>(Arrays.asList((Object[]) s.split("\n", -1)));
  }

  /** AsConfig (file contents) or AsSecrets (base64): a YAML map by base name, as Helm's toYAML writes it. */
  private Object asConfig(boolean base64) {
    Map<String, Object> byName = new TreeMap<>();
    files.forEach((path, data) -> byName.put(path.substring(path.lastIndexOf('/') + 1),
        base64 ? Base64.getEncoder().encodeToString((byte[]) data) : new String((byte[]) data, StandardCharsets.UTF_8)));
    return TO_YAML.body().call(List.of(byName));
  }
}

package dev.capstan.chart.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's values as Helm's {@code MergeValues} builds them: {@code -f} files deep-merged in
 * order, then every {@code --set-json}, {@code --set}, {@code --set-string}, {@code --set-file} and
 * {@code --set-literal} expression parsed into that map, in this order of flag types. Set flags
 * replace what is at their path (a map or list is not merged), and a {@code null} they set stays
 * in the map: it deletes the key from the chart's defaults later, in {@link Coalesce}.
 */
public final class UserValues {
  private static final String STDIN = "-";

  private UserValues() {}

  /** Loads with relative paths resolved against the working directory. */
  public static Map<String, Object> load(ValuesOptions options) {
    return load(options, Path.of(""));
  }

  /**
   * Loads with relative {@code -f} and {@code --set-file} paths resolved against {@code baseDir}.
   *
   * @throws ValuesException naming the file and line, or the flag and character position
   */
  public static Map<String, Object> load(ValuesOptions options, Path baseDir) {
    return loadOnto(new LinkedHashMap<>(), options, baseDir);
  }

  private static Map<String, Object> loadOnto(Map<String, Object> base, ValuesOptions options, Path baseDir) {
    for (Path file : options.valueFiles()) {
      String shown = file.toString();
      String text = shown.equals(STDIN) ? stdin() : read(baseDir.resolve(file), shown);
      base = ValueMaps.merge(base, ValuesYaml.read(shown, text));
    }
    SetParser.FileReader files = path -> read(baseDir.resolve(path), path);
    for (SetFlag flag : SetFlag.values()) {
      List<String> expressions = options.expressions(flag);
      for (int i = 0; i < expressions.size(); i++) {
        SetParser.parseInto(flag, i + 1, expressions.get(i), base, files);
      }
    }
    return base;
  }

  /**
   * Loads {@code documents} as if each were a {@code -f} file, in order, then the flags of
   * {@code options}: for values that come from Git (an Application's values files and inline values)
   * rather than from the local disk.
   */
  public static Map<String, Object> load(List<ValuesDocument> documents, ValuesOptions options) {
    Map<String, Object> base = new LinkedHashMap<>();
    for (ValuesDocument document : documents) {
      base = ValueMaps.merge(base, ValuesYaml.read(document.name(), document.text()));
    }
    return loadOnto(base, options, Path.of(""));
  }

  /** As in Helm, {@code -f -} reads the values from standard input. */
  private static String stdin() {
    try {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ValuesException(STDIN, "cannot read standard input: " + e.getMessage(), e);
    }
  }

  private static String read(Path path, String shown) {
    try {
      // Like Helm, any bytes are accepted; invalid UTF-8 becomes U+FFFD as in Helm's JSON output.
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ValuesException(shown, "no such file");
    } catch (IOException e) {
      throw new ValuesException(shown, "cannot read: " + e.getMessage(), e);
    }
  }
}

package dev.capstan.chart.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one flag occurrence ({@code a.b=c,d[0]=e}) into a map, with the grammar of Helm's
 * {@code pkg/strvals}: keys split on unescaped {@code .}, {@code [n]} indexes (lists grow with
 * {@code null}s), {@code {x,y}} lists, {@code \} escapes the next character, pairs are separated by
 * {@code ,}. Each flag type reads values its own way ({@link SetFlag}); {@code --set-literal} keys have
 * no escapes and its value is the rest of the expression.
 *
 * <p>Helm stops quietly, keeping what it has set, when the expression ends right after a key's
 * index ({@code a[0]} sets {@code a: []}) or after an empty nested key ({@code a.=}); that is
 * mirrored by {@link Stop} rather than an error, because users' scripts depend on what Helm
 * accepts.
 */
final class SetParser {
  /** Reads the file named by a {@code --set-file} value. */
  @FunctionalInterface
  interface FileReader {
    String read(String path);
  }

  static final int MAX_INDEX = 65536;
  static final int MAX_NESTED_NAME_LEVEL = 30;
  /**
   * Helm has no limit on {@code a[0][0]...}; Capstan has one so a hostile expression cannot
   * exhaust the stack. No real values file nests lists a thousand deep.
   */
  static final int MAX_LIST_NESTING = 1000;
  private static final int EOF = -1;

  private final SetFlag flag;
  private final int occurrence;
  private final int[] in;
  private final FileReader files;
  private int pos;
  private int listNesting;

  private SetParser(SetFlag flag, int occurrence, String expression, FileReader files) {
    this.flag = flag;
    this.occurrence = occurrence;
    this.in = expression.codePoints().toArray();
    this.files = files;
  }

  /**
   * Parses {@code expression}, the {@code occurrence}-th (from 1) use of the flag, and sets its
   * values into {@code dest}, replacing what is there.
   */
  static void parseInto(
      SetFlag flag, int occurrence, String expression, Map<String, Object> dest, FileReader files) {
    SetParser parser = new SetParser(flag, occurrence, expression, files);
    try {
      while (true) {
        parser.key(dest, 0);
      }
    } catch (Stop end) {
      // The expression is used up (or ended where Helm stops without complaint).
    }
  }

  /** Parses with a reader that refuses files, for flags other than {@code --set-file}. */
  static Map<String, Object> parse(SetFlag flag, String expression) {
    Map<String, Object> out = new LinkedHashMap<>();
    parseInto(flag, 1, expression, out, path -> {
      throw new IllegalStateException("no file reader for " + flag.flagName());
    });
    return out;
  }

  private boolean literal() {
    return flag == SetFlag.SET_LITERAL;
  }

  private void key(Map<String, Object> data, int level) {
    Token t = until(literal() ? "=[." : "=[,.");
    if (t.eof) {
      if (t.text.isEmpty()) {
        throw Stop.INSTANCE;
      }
      throw error("key \"" + t.text + "\" has no value");
    }
    String k = t.text;
    switch (t.last) {
      case '[' -> indexedKey(data, k, level);
      case '=' -> set(data, k, assignedValue(data, k));
      case ',' -> throw error("key \"" + k + "\" has no value (cannot end with ,)");
      default -> nestedKey(data, k, level + 1);
    }
  }

  private void indexedKey(Map<String, Object> data, String k, int level) {
    int i = keyIndex();
    List<Object> list = new ArrayList<>();
    if (data.containsKey(k)) {
      list = asList(data.get(k), k);
    }
    try {
      list = listItem(list, i, level);
    } catch (Stop end) {
      set(data, k, list);
      throw end;
    }
    set(data, k, list);
  }

  private void nestedKey(Map<String, Object> data, String k, int level) {
    if (level > MAX_NESTED_NAME_LEVEL) {
      throw error("value name nested level is greater than maximum supported nested level of "
          + MAX_NESTED_NAME_LEVEL);
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    if (data.containsKey(k)) {
      inner = asMap(data.get(k), k);
    }
    Stop stopped = null;
    try {
      key(inner, level);
    } catch (Stop end) {
      stopped = end;
    }
    if (stopped == null && inner.isEmpty()) {
      throw error("key map \"" + k + "\" has no value");
    }
    if (!inner.isEmpty()) {
      set(data, k, inner);
    }
    if (stopped != null) {
      throw stopped;
    }
  }

  /** The value after {@code key=}; sets {@code ""} and stops when the expression ends there. */
  private Object assignedValue(Map<String, Object> data, String k) {
    if (literal()) {
      return rest();
    }
    if (flag == SetFlag.SET_JSON) {
      return jsonValue();
    }
    int r = read();
    if (r == EOF) {
      set(data, k, "");
      throw Stop.INSTANCE;
    }
    if (r == '{') {
      return valList();
    }
    pos--;
    return typed(until(",").text);
  }

  private List<Object> listItem(List<Object> list, int i, int level) {
    if (i < 0) {
      throw error("negative " + i + " index not allowed");
    }
    Token t = until("[.=");
    if (!t.text.isEmpty()) {
      throw error("unexpected data at end of array index: \"" + t.text + "\"");
    }
    if (t.eof) {
      throw Stop.INSTANCE;
    }
    switch (t.last) {
      case '=' -> {
        return setIndex(list, i, indexValue());
      }
      case '[' -> {
        int next = keyIndex();
        List<Object> current = new ArrayList<>();
        if (list.size() > i && list.get(i) != null) {
          current = asList(list.get(i), "[" + i + "]");
        }
        if (++listNesting > MAX_LIST_NESTING) {
          throw error("lists nested deeper than " + MAX_LIST_NESTING + " levels");
        }
        List<Object> item = listItem(current, next, level);
        listNesting--;
        return setIndex(list, i, item);
      }
      default -> {
        Map<String, Object> inner = new LinkedHashMap<>();
        if (list.size() > i) {
          if (list.get(i) instanceof Map<?, ?>) {
            inner = castMap(list.get(i));
          } else {
            // Indices out of order: Helm replaces what was there with an empty map.
            list.set(i, inner);
          }
        }
        key(inner, level);
        return setIndex(list, i, inner);
      }
    }
  }

  private Object indexValue() {
    if (literal()) {
      return rest();
    }
    if (flag == SetFlag.SET_JSON) {
      return jsonValue();
    }
    int r = read();
    if (r == EOF) {
      return "";
    }
    if (r == '{') {
      return valList();
    }
    pos--;
    return typed(until(",").text);
  }

  private int keyIndex() {
    Token t = until("]");
    if (t.eof) {
      throw error("error parsing index: the expression ends before ']'");
    }
    String digits = t.text;
    if (!digits.matches("[+-]?[0-9]+")) {
      throw error("error parsing index: \"" + digits + "\" is not an integer");
    }
    try {
      long index = Long.parseLong(digits);
      // Values past MAX_INDEX are refused by setIndex, after the rest is parsed, as in Helm.
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, index));
    } catch (NumberFormatException e) {
      throw error("error parsing index: \"" + digits + "\" is out of range");
    }
  }

  private List<Object> setIndex(List<Object> list, int index, Object value) {
    if (index < 0) {
      throw error("negative " + index + " index not allowed");
    }
    if (index > MAX_INDEX) {
      throw error("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
    }
    while (list.size() <= index) {
      list.add(null);
    }
    list.set(index, value);
    return list;
  }

  /** A {@code {a,b}} list; the opening brace is already read. */
  private List<Object> valList() {
    List<Object> list = new ArrayList<>();
    while (true) {
      Token t = until(",}");
      if (t.eof) {
        throw error("list must terminate with '}'");
      }
      if (t.last == '}') {
        int r = read();
        if (r != EOF && r != ',') {
          pos--;
        }
        list.add(typed(t.text));
        return list;
      }
      list.add(typed(t.text));
    }
  }

  /** Converts a raw value the way the flag type says. */
  private Object typed(String raw) {
    return switch (flag) {
      case SET -> Inference.infer(raw);
      case SET_FILE -> readFile(raw);
      default -> raw;
    };
  }

  private String readFile(String path) {
    try {
      return files.read(path);
    } catch (ValuesException e) {
      throw error(e.getMessage());
    }
  }

  private Object jsonValue() {
    if (emptyVal()) {
      return null;
    }
    int end = JsonExtent.end(in, pos);
    if (end < 0) {
      pos = -end - 1;
      throw error("invalid JSON value");
    }
    String text = new String(in, pos, end - pos);
    Object value;
    try {
      value = ValueMaps.fromTree(ValueMaps.JSON.readTree(text));
    } catch (ArithmeticException e) {
      pos = end;
      throw error("invalid JSON value: number out of range");
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
      int chars = (int) Math.max(0, Math.min(offset, text.length()));
      pos += Math.min(text.codePointCount(0, chars), end - pos);
      // Jackson's message can quote the value, which may be a secret: the position must do.
      throw error("invalid JSON value");
    }
    pos = end;
    emptyVal();
    return value;
  }

  /** Skips blanks up to and including a comma; true when the value is empty. */
  private boolean emptyVal() {
    while (true) {
      int r = read();
      if (r == EOF || r == ',') {
        return true;
      }
      if (!GoUnicode.isSpace(r)) {
        pos--;
        return false;
      }
    }
  }

  private String rest() {
    String s = new String(in, pos, in.length - pos);
    pos = in.length;
    return s;
  }

  private int read() {
    return pos < in.length ? in[pos++] : EOF;
  }

  /** Reads up to one of {@code stops} (consumed), honouring backslash escapes except in literals. */
  private Token until(String stops) {
    StringBuilder text = new StringBuilder();
    while (true) {
      int r = read();
      if (r == EOF) {
        return new Token(text.toString(), EOF, true);
      }
      if (stops.indexOf(r) >= 0) {
        return new Token(text.toString(), r, false);
      }
      if (r == '\\' && !literal()) {
        int next = read();
        if (next == EOF) {
          return new Token(text.toString(), EOF, true);
        }
        text.appendCodePoint(next);
      } else {
        text.appendCodePoint(r);
      }
    }
  }

  private static void set(Map<String, Object> data, String key, Object value) {
    if (!key.isEmpty()) {
      data.put(key, value);
    }
  }

  private List<Object> asList(Object value, String key) {
    if (value instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> cast = (List<Object>) list;
      return cast;
    }
    throw error("unable to parse key: \"" + key + "\" is " + ValueMaps.describe(value)
        + ", not a list");
  }

  private Map<String, Object> asMap(Object value, String key) {
    if (value instanceof Map<?, ?>) {
      return castMap(value);
    }
    throw error("unable to parse key: \"" + key + "\" is " + ValueMaps.describe(value)
        + ", not a map");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  private ValuesException error(String message) {
    return ValuesException.atFlag(flag, occurrence, Math.max(1, pos), message);
  }

  private record Token(String text, int last, boolean eof) {}

  /** End of input, or a place Helm treats as end of input; never escapes this class. */
  private static final class Stop extends RuntimeException {
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super(null, null, false, false);
    }
  }
}

package dev.capstan.chart.values;

/**
 * Finds where the JSON value starting at a position ends, the way Go's {@code json.Decoder} does
 * for {@code --set-json}: one complete value is read and whatever follows is left for the next
 * {@code ,key=value}. A number or literal ends at the first character that cannot continue it;
 * objects, arrays and strings end at their closing character. Jackson then parses the extent.
 */
final class JsonExtent {
  private JsonExtent() {}

  /** The index after the value, or {@code -(errorIndex + 1)} when no value can start or end. */
  static int end(int[] in, int start) {
    int c = start < in.length ? in[start] : -1;
    if (c == '{' || c == '[') {
      return container(in, start);
    }
    if (c == '"') {
      return string(in, start);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number(in, start);
    }
    for (String literal : new String[] {"true", "false", "null"}) {
      if (c == literal.charAt(0)) {
        return literal(in, start, literal);
      }
    }
    return -(start + 1);
  }

  private static int container(int[] in, int start) {
    StringBuilder open = new StringBuilder();
    int i = start;
    while (i < in.length) {
      int c = in[i];
      if (c == '"') {
        int end = string(in, i);
        if (end < 0) {
          return end;
        }
        i = end;
        continue;
      }
      if (c == '{' || c == '[') {
        open.append((char) c);
      } else if (c == '}' || c == ']') {
        char expected = c == '}' ? '{' : '[';
        if (open.length() == 0 || open.charAt(open.length() - 1) != expected) {
          return -(i + 1);
        }
        open.setLength(open.length() - 1);
        if (open.length() == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return -(in.length + 1);
  }

  private static int string(int[] in, int start) {
    int i = start + 1;
    while (i < in.length) {
      if (in[i] == '\\') {
        i += 2;
      } else if (in[i] == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return -(in.length + 1);
  }

  private static int number(int[] in, int start) {
    int i = start;
    if (in[i] == '-') {
      i++;
    }
    if (i < in.length && in[i] == '0') {
      i++;
    } else {
      int digits = digits(in, i);
      if (digits == i) {
        return -(i + 1);
      }
      i = digits;
    }
    if (i < in.length && in[i] == '.') {
      int digits = digits(in, i + 1);
      if (digits == i + 1) {
        return -(digits + 1);
      }
      i = digits;
    }
    if (i < in.length && (in[i] == 'e' || in[i] == 'E')) {
      i++;
      if (i < in.length && (in[i] == '+' || in[i] == '-')) {
        i++;
      }
      int digits = digits(in, i);
      if (digits == i) {
        return -(i + 1);
      }
      i = digits;
    }
    return i;
  }

  private static int digits(int[] in, int from) {
    int i = from;
    while (i < in.length && in[i] >= '0' && in[i] <= '9') {
      i++;
    }
    return i;
  }

  private static int literal(int[] in, int start, String literal) {
    for (int k = 0; k < literal.length(); k++) {
      if (start + k >= in.length || in[start + k] != literal.charAt(k)) {
        return -(start + k + 1);
      }
    }
    return start + literal.length();
  }
}

package dev.capstan.chart.values;

/**
 * {@code --set}'s type inference, exactly Helm's: {@code true}, {@code false} and {@code null} in any
 * case, {@code 0}, and base-10 integers that fit in 64 bits and do not start with {@code 0}. All else
 * stays a string, so {@code 1.10}, {@code 0123}, {@code 1e3} and {@code 0x1F} keep their spelling.
 */
final class Inference {
  private Inference() {}

  static Object infer(String raw) {
    if (raw.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (raw.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (raw.equalsIgnoreCase("null")) {
      return null;
    }
    if (raw.equals("0")) {
      return 0L;
    }
    if (!raw.isEmpty() && raw.charAt(0) != '0' && isAsciiInteger(raw)) {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException tooLarge) {
        return raw;
      }
    }
    return raw;
  }

  /** An optional sign and at least one ASCII digit; Java would also accept other scripts' digits. */
  private static boolean isAsciiInteger(String s) {
    int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

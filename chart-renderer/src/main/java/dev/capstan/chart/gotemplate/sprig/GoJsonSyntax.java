package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoQuote;
import java.nio.charset.StandardCharsets;

/**
 * encoding/json's scanner, only to word syntax errors as Go does ({@code invalid character 'x'
 * after top-level value}, {@code unexpected end of JSON input}); Jackson does the parsing.
 */
final class GoJsonSyntax {
  private static final int MAX_DEPTH = 10000;

  private final byte[] s;
  private int i;

  private GoJsonSyntax(byte[] s) {
    this.s = s;
  }

  /** Go's error for {@code text}, or null when it is valid JSON. */
  static String check(String text) {
    GoJsonSyntax p = new GoJsonSyntax(text.getBytes(StandardCharsets.UTF_8));
    try {
      p.space();
      p.value(0);
      p.space();
      if (p.i < p.s.length) {
        throw p.error("after top-level value");
      }
      return null;
    } catch (SyntaxError e) {
      return e.getMessage();
    }
  }

  private static final class SyntaxError extends RuntimeException {
    SyntaxError(String m) {
      super(m, null, false, false);
    }
  }

  /** Inside a number or literal Go's scanner meets the end of input as a space. */
  private SyntaxError errorInToken(String context) {
    if (i >= s.length) {
      return new SyntaxError("invalid character ' ' " + context);
    }
    return error(context);
  }

  private SyntaxError error(String context) {
    if (i >= s.length) {
      return new SyntaxError("unexpected end of JSON input");
    }
    return new SyntaxError("invalid character " + quoteChar(s[i] & 0xff) + " " + context);
  }

  private static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    } else if (c == '"') {
      return "'\"'";
    }
    String q = GoQuote.quote(String.valueOf((char) c));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }

  private int peek() {
    return i < s.length ? s[i] & 0xff : -1;
  }

  private void space() {
    while (i < s.length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
      i++;
    }
  }

  private void value(int depth) {
    int c = peek();
    switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          number();
        } else {
          throw error("looking for beginning of value");
        }
      }
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new SyntaxError("exceeded max depth");
    }
  }

  private void object(int depth) {
    checkDepth(depth);
    i++;
    space();
    if (peek() == '}') {
      i++;
      return;
    }
    while (true) {
      if (peek() != '"') {
        throw error("looking for beginning of object key string");
      }
      string();
      space();
      if (peek() != ':') {
        throw error("after object key");
      }
      i++;
      space();
      value(depth);
      space();
      if (peek() == ',') {
        i++;
        space();
      } else if (peek() == '}') {
        i++;
        return;
      } else {
        throw error("after object key:value pair");
      }
    }
  }

  private void array(int depth) {
    checkDepth(depth);
    i++;
    space();
    if (peek() == ']') {
      i++;
      return;
    }
    while (true) {
      value(depth);
      space();
      if (peek() == ',') {
        i++;
        space();
      } else if (peek() == ']') {
        i++;
        return;
      } else {
        throw error("after array element");
      }
    }
  }

  private void string() {
    i++;
    while (true) {
      int c = peek();
      if (c == '"') {
        i++;
        return;
      } else if (c == '\\') {
        i++;
        int e = peek();
        if ("bfnrt\\/\"".indexOf(e) >= 0 && e != -1) {
          i++;
        } else if (e == 'u') {
          i++;
          for (int k = 0; k < 4; k++) {
            int h = peek();
            if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F')) {
              throw error("in \\u hexadecimal character escape");
            }
            i++;
          }
        } else {
          throw error("in string escape code");
        }
      } else if (c < 0x20) {
        throw error("in string literal");
      } else {
        i++;
      }
    }
  }

  private void literal(String word) {
    i++;
    for (int k = 1; k < word.length(); k++) {
      if (peek() != word.charAt(k)) {
        throw errorInToken("in literal " + word + " (expecting '" + word.charAt(k) + "')");
      }
      i++;
    }
  }

  private void number() {
    if (peek() == '-') {
      i++;
      if (!digit(peek())) {
        throw errorInToken("in numeric literal");
      }
    }
    if (peek() == '0') {
      i++;
    } else {
      while (digit(peek())) {
        i++;
      }
    }
    if (peek() == '.') {
      i++;
      if (!digit(peek())) {
        throw errorInToken("after decimal point in numeric literal");
      }
      while (digit(peek())) {
        i++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      i++;
      if (peek() == '+' || peek() == '-') {
        i++;
      }
      if (!digit(peek())) {
        throw errorInToken("in exponent of numeric literal");
      }
      while (digit(peek())) {
        i++;
      }
    }
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }
}

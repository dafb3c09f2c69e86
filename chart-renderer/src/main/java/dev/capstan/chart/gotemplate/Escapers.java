package dev.capstan.chart.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The {@code html}, {@code js} and {@code urlquery} built-ins, escaping as Go's text/template does. */
final class Escapers {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Escapers() {}

  /** One string argument as it is; anything else printed with {@code fmt.Sprint}, nil as no value. */
  static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>(args.size());
    for (Object a : args) {
      printable.add(a == null ? "<no value>" : a);
    }
    return GoFmt.sprint(printable);
  }

  static String html(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case 0 -> "\uFFFD";
        case '"' -> "&#34;";
        case '\'' -> "&#39;";
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        default -> null;
      };
      if (rep == null) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      b.append(rep);
    }
    return b == null ? s : b.toString();
  }

  static String js(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r < 0x80) {
        switch (r) {
          case '\\' -> b.append("\\\\");
          case '\'' -> b.append("\\'");
          case '"' -> b.append("\\\"");
          case '<' -> b.append("\\u003C");
          case '>' -> b.append("\\u003E");
          case '&' -> b.append("\\u0026");
          case '=' -> b.append("\\u003D");
          default -> {
            if (r < ' ') {
              b.append("\\u00").append(HEX[r >> 4]).append(HEX[r & 0xF]);
            } else {
              b.append((char) r);
            }
          }
        }
      } else if (!Character.isSurrogate((char) r) && GoQuote.isPrint(r)) {
        b.appendCodePoint(r);
      } else {
        String hex = Integer.toHexString(Character.isSurrogate((char) r) ? 0xFFFD : r)
            .toUpperCase();
        b.append("\\u");
        for (int k = hex.length(); k < 4; k++) {
          b.append('0');
        }
        b.append(hex);
      }
    }
    return b.toString();
  }

  /** Go's {@code url.QueryEscape}. */
  static String urlQuery(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return b.toString();
  }
}

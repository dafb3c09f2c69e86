package dev.capstan.chart.gotemplate.sprig;

import java.util.ArrayList;
import java.util.List;

/** Go's time layout tokens (time/format.go's nextStdChunk): "2006-01-02 15:04:05 MST"... */
final class GoLayout {
  enum Std {
    LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND,
    ZERO_SECOND, LONG_YEAR, YEAR, PM, LOWER_PM, TZ, ISO8601_TZ, ISO8601_SECONDS_TZ,
    ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ, NUM_TZ, NUM_SECONDS_TZ,
    NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ, FRAC_SECOND0, FRAC_SECOND9
  }

  /** A literal run of the layout ({@code std == null}) or one element with its layout text. */
  record Chunk(String literal, Std std, String text, int digits, char separator) {}

  private GoLayout() {}

  static List<Chunk> parse(String layout) {
    List<Chunk> out = new ArrayList<>();
    String rest = layout;
    while (!rest.isEmpty()) {
      Object[] next = next(rest);
      String prefix = (String) next[0];
      if (!prefix.isEmpty()) {
        out.add(new Chunk(prefix, null, prefix, 0, '.'));
      }
      if (next[1] == null) {
        break;
      }
      out.add((Chunk) next[1]);
      rest = (String) next[2];
    }
    return out;
  }

  private static Object[] chunk(String layout, int i, Std std, int len) {
    return new Object[] {layout.substring(0, i), new Chunk(null, std, layout.substring(i, i + len),
        0, '.'), layout.substring(i + len)};
  }

  private static boolean at(String s, int i, String w) {
    return s.startsWith(w, i);
  }

  private static boolean lowerAt(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }

  private static Object[] next(String l) {
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      switch (c) {
        case 'J':
          if (at(l, i, "Jan")) {
            if (at(l, i, "January")) {
              return chunk(l, i, Std.LONG_MONTH, 7);
            }
            if (!lowerAt(l, i + 3)) {
              return chunk(l, i, Std.MONTH, 3);
            }
          }
          break;
        case 'M':
          if (at(l, i, "Mon")) {
            if (at(l, i, "Monday")) {
              return chunk(l, i, Std.LONG_WEEKDAY, 6);
            }
            if (!lowerAt(l, i + 3)) {
              return chunk(l, i, Std.WEEKDAY, 3);
            }
          }
          if (at(l, i, "MST")) {
            return chunk(l, i, Std.TZ, 3);
          }
          break;
        case '0':
          if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
            Std[] zero = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
                Std.ZERO_SECOND, Std.YEAR};
            return chunk(l, i, zero[l.charAt(i + 1) - '1'], 2);
          }
          if (at(l, i, "002")) {
            return chunk(l, i, Std.ZERO_YEAR_DAY, 3);
          }
          break;
        case '1':
          if (at(l, i, "15")) {
            return chunk(l, i, Std.HOUR, 2);
          }
          return chunk(l, i, Std.NUM_MONTH, 1);
        case '2':
          if (at(l, i, "2006")) {
            return chunk(l, i, Std.LONG_YEAR, 4);
          }
          return chunk(l, i, Std.DAY, 1);
        case '_':
          if (at(l, i, "_2")) {
            if (at(l, i + 1, "2006")) {
              Object[] r = chunk(l, i + 1, Std.LONG_YEAR, 4);
              return r;
            }
            return chunk(l, i, Std.UNDER_DAY, 2);
          }
          if (at(l, i, "__2")) {
            return chunk(l, i, Std.UNDER_YEAR_DAY, 3);
          }
          break;
        case '3':
          return chunk(l, i, Std.HOUR12, 1);
        case '4':
          return chunk(l, i, Std.MINUTE, 1);
        case '5':
          return chunk(l, i, Std.SECOND, 1);
        case 'P':
          if (at(l, i, "PM")) {
            return chunk(l, i, Std.PM, 2);
          }
          break;
        case 'p':
          if (at(l, i, "pm")) {
            return chunk(l, i, Std.LOWER_PM, 2);
          }
          break;
        case '-':
          if (at(l, i, "-070000")) {
            return chunk(l, i, Std.NUM_SECONDS_TZ, 7);
          } else if (at(l, i, "-07:00:00")) {
            return chunk(l, i, Std.NUM_COLON_SECONDS_TZ, 9);
          } else if (at(l, i, "-0700")) {
            return chunk(l, i, Std.NUM_TZ, 5);
          } else if (at(l, i, "-07:00")) {
            return chunk(l, i, Std.NUM_COLON_TZ, 6);
          } else if (at(l, i, "-07")) {
            return chunk(l, i, Std.NUM_SHORT_TZ, 3);
          }
          break;
        case 'Z':
          if (at(l, i, "Z070000")) {
            return chunk(l, i, Std.ISO8601_SECONDS_TZ, 7);
          } else if (at(l, i, "Z07:00:00")) {
            return chunk(l, i, Std.ISO8601_COLON_SECONDS_TZ, 9);
          } else if (at(l, i, "Z0700")) {
            return chunk(l, i, Std.ISO8601_TZ, 5);
          } else if (at(l, i, "Z07:00")) {
            return chunk(l, i, Std.ISO8601_COLON_TZ, 6);
          } else if (at(l, i, "Z07")) {
            return chunk(l, i, Std.ISO8601_SHORT_TZ, 3);
          }
          break;
        case '.', ',':
          if (i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
            char ch = l.charAt(i + 1);
            int j = i + 1;
            while (j < l.length() && l.charAt(j) == ch) {
              j++;
            }
            if (!(j < l.length() && Character.isDigit(l.charAt(j)))) {
              Std std = ch == '9' ? Std.FRAC_SECOND9 : Std.FRAC_SECOND0;
              return new Object[] {l.substring(0, i),
                  new Chunk(null, std, l.substring(i, j), j - (i + 1), c), l.substring(j)};
            }
          }
          break;
        default:
          break;
      }
    }
    return new Object[] {l, null, ""};
  }
}

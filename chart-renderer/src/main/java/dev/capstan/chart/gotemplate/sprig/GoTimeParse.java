package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoQuote;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go's time.ParseInLocation over {@link GoLayout} tokens, with Go's ParseError texts. */
final class GoTimeParse {
  private final String layout;
  private final String original;
  private String value;

  private GoTimeParse(String layout, String value) {
    this.layout = layout;
    this.original = value;
    this.value = value;
  }

  private static final class Bad extends RuntimeException {
    Bad() {
      super(null, null, false, false);
    }
  }

  static GoTime parse(String layout, String value, ZoneId location) {
    return new GoTimeParse(layout, value).run(location);
  }

  private GoFuncException error(String layoutElem, String valueElem, String message) {
    if (message.isEmpty()) {
      return new GoFuncException("parsing time " + GoQuote.quote(original) + " as "
          + GoQuote.quote(layout) + ": cannot parse " + GoQuote.quote(valueElem) + " as "
          + GoQuote.quote(layoutElem));
    }
    return new GoFuncException("parsing time " + GoQuote.quote(original) + message);
  }

  private GoTime run(ZoneId location) {
    int year = 0;
    int month = -1;
    int day = -1;
    int yday = -1;
    int hour = 0;
    int min = 0;
    int sec = 0;
    int nsec = 0;
    boolean am = false;
    boolean pm = false;
    ZoneId z = null;
    int zoneOffset = -1;
    String zoneName = "";
    java.util.List<GoLayout.Chunk> chunks = GoLayout.parse(layout);
    for (int ci = 0; ci <= chunks.size(); ci++) {
      GoLayout.Chunk c = ci < chunks.size() ? chunks.get(ci) : null;
      if (c == null || c.std() == null) {
        String prefix = c == null ? "" : c.literal();
        String before = value;
        if (!skip(prefix)) {
          throw error(prefix, value, "");
        }
        if (c == null) {
          if (!value.isEmpty()) {
            throw error("", value, ": extra text: " + GoQuote.quote(value));
          }
          break;
        }
        continue;
      }
      String hold = value;
      String range = "";
      try {
        switch (c.std()) {
          case YEAR -> {
            year = Integer.parseInt(take(2, true));
            year += year >= 69 ? 1900 : 2000;
          }
          case LONG_YEAR -> {
            if (value.length() < 4 || !Character.isDigit(value.charAt(0))) {
              throw new Bad();
            }
            year = Integer.parseInt(take(4, true));
          }
          case MONTH -> month = lookup(TextStyle.SHORT, true) + 1;
          case LONG_MONTH -> month = lookup(TextStyle.FULL, true) + 1;
          case NUM_MONTH, ZERO_MONTH -> {
            month = num(c.std() == GoLayout.Std.ZERO_MONTH);
            if (month <= 0 || month > 12) {
              range = "month";
            }
          }
          case WEEKDAY -> lookup(TextStyle.SHORT, false);
          case LONG_WEEKDAY -> lookup(TextStyle.FULL, false);
          case DAY, UNDER_DAY, ZERO_DAY -> {
            if (c.std() == GoLayout.Std.UNDER_DAY && value.startsWith(" ")) {
              value = value.substring(1);
            }
            day = num(c.std() == GoLayout.Std.ZERO_DAY);
          }
          case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
            for (int k = 0; k < 2; k++) {
              if (c.std() == GoLayout.Std.UNDER_YEAR_DAY && value.startsWith(" ")) {
                value = value.substring(1);
              }
            }
            int n = 0;
            int k = 0;
            for (; k < 3 && k < value.length() && Character.isDigit(value.charAt(k)); k++) {
              n = n * 10 + value.charAt(k) - '0';
            }
            if (k == 0 || c.std() == GoLayout.Std.ZERO_YEAR_DAY && k != 3) {
              throw new Bad();
            }
            value = value.substring(k);
            yday = n;
          }
          case HOUR -> {
            hour = num(false);
            if (hour < 0 || hour >= 24) {
              range = "hour";
            }
          }
          case HOUR12, ZERO_HOUR12 -> {
            hour = num(c.std() == GoLayout.Std.ZERO_HOUR12);
            if (hour < 0 || hour > 12) {
              range = "hour";
            }
          }
          case MINUTE, ZERO_MINUTE -> {
            min = num(c.std() == GoLayout.Std.ZERO_MINUTE);
            if (min < 0 || min >= 60) {
              range = "minute";
            }
          }
          case SECOND, ZERO_SECOND -> {
            sec = num(c.std() == GoLayout.Std.ZERO_SECOND);
            if (sec < 0 || sec >= 60) {
              range = "second";
              break;
            }
            GoLayout.Chunk next = ci + 1 < chunks.size() ? chunks.get(ci + 1) : null;
            boolean fracNext = next != null && (next.std() == GoLayout.Std.FRAC_SECOND0
                || next.std() == GoLayout.Std.FRAC_SECOND9);
            if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',')
                && Character.isDigit(value.charAt(1)) && !fracNext) {
              int n = 2;
              while (n < value.length() && Character.isDigit(value.charAt(n))) {
                n++;
              }
              nsec = nanos(n);
              value = value.substring(n);
            }
          }
          case PM, LOWER_PM -> {
            String p = take(2, false);
            boolean upper = c.std() == GoLayout.Std.PM;
            if (p.equals(upper ? "PM" : "pm")) {
              pm = true;
            } else if (p.equals(upper ? "AM" : "am")) {
              am = true;
            } else {
              throw new Bad();
            }
          }
          case ISO8601_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_SECONDS_TZ,
              ISO8601_COLON_SECONDS_TZ, NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ,
              NUM_COLON_SECONDS_TZ -> {
            if (c.std().name().startsWith("ISO") && value.startsWith("Z")) {
              value = value.substring(1);
              z = ZoneOffset.UTC;
              break;
            }
            int[] parsed = offset(c.std());
            if (parsed[1] > 24) {
              range = "time zone offset hour";
            }
            if (parsed[2] > 60) {
              range = "time zone offset minute";
            }
            if (parsed[3] > 60) {
              range = "time zone offset second";
            }
            zoneOffset = parsed[0] * ((parsed[1] * 60 + parsed[2]) * 60 + parsed[3]);
          }
          case TZ -> {
            if (value.startsWith("UTC")) {
              z = ZoneOffset.UTC;
              value = value.substring(3);
              break;
            }
            int n = timeZoneLength(value);
            if (n == 0) {
              throw new Bad();
            }
            zoneName = value.substring(0, n);
            value = value.substring(n);
          }
          case FRAC_SECOND0 -> {
            int ndigit = 1 + c.digits();
            if (value.length() < ndigit) {
              throw new Bad();
            }
            nsec = nanos(ndigit);
            value = value.substring(ndigit);
          }
          case FRAC_SECOND9 -> {
            if (value.length() < 2 || !(value.charAt(0) == '.' || value.charAt(0) == ',')
                || !Character.isDigit(value.charAt(1))) {
              break;
            }
            int k = 0;
            while (k + 1 < value.length() && Character.isDigit(value.charAt(k + 1))) {
              k++;
            }
            nsec = nanos(1 + k);
            value = value.substring(1 + k);
          }
          default -> throw new Bad();
        }
      } catch (Bad | NumberFormatException | StringIndexOutOfBoundsException e) {
        throw error(c.text(), hold, "");
      }
      if (!range.isEmpty()) {
        throw error(c.text(), value, ": " + range + " out of range");
      }
    }
    if (pm && hour < 12) {
      hour += 12;
    } else if (am && hour == 12) {
      hour = 0;
    }
    if (yday >= 0) {
      int[] md = fromYearDay(year, yday, month, day);
      month = md[0];
      day = md[1];
    } else {
      month = month < 0 ? 1 : month;
      day = day < 0 ? 1 : day;
    }
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      throw error("", value, ": day out of range");
    }
    LocalDateTime wall = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
    if (z != null) {
      return new GoTime(wall.atZone(z).toInstant(), z, z == ZoneOffset.UTC ? "UTC" : null, null);
    }
    if (zoneOffset != -1) {
      java.time.Instant instant = wall.toInstant(ZoneOffset.ofTotalSeconds(zoneOffset));
      ZoneId local = GoTime.local();
      if (local.getRules().getOffset(instant).getTotalSeconds() == zoneOffset
          && (zoneName.isEmpty() || zoneName.equals(new GoTime(instant, local, null, null)
              .abbreviation()))) {
        return new GoTime(instant, local, null, null);
      }
      return new GoTime(instant, ZoneOffset.ofTotalSeconds(zoneOffset),
          zoneName.isEmpty() ? null : zoneName, null);
    }
    if (!zoneName.isEmpty()) {
      ZoneId local = GoTime.local();
      java.time.Instant guess = wall.atZone(local).toInstant();
      if (zoneName.equals(new GoTime(guess, local, null, null).abbreviation())) {
        return new GoTime(guess, local, null, null);
      }
      int offset = 0;
      if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
        offset = Integer.parseInt(zoneName.substring(3)) * 3600;
      }
      return new GoTime(wall.toInstant(ZoneOffset.ofTotalSeconds(offset)),
          ZoneOffset.ofTotalSeconds(offset), zoneName, null);
    }
    return new GoTime(wall.atZone(location).toInstant(), location,
        location == ZoneOffset.UTC ? "UTC" : null, null);
  }

  private int[] fromYearDay(int year, int yday, int month, int day) {
    boolean leap = Year.isLeap(year);
    if (yday < 1 || yday > (leap ? 366 : 365)) {
      throw error("", value, ": day-of-year out of range");
    }
    java.time.LocalDate d = java.time.LocalDate.ofYearDay(year, yday);
    if (month >= 0 && month != d.getMonthValue()) {
      throw error("", value, ": day-of-year does not match month");
    }
    if (day >= 0 && day != d.getDayOfMonth()) {
      throw error("", value, ": day-of-year does not match day");
    }
    return new int[] {d.getMonthValue(), d.getDayOfMonth()};
  }

  /** Go's skip: a space in the layout matches any run of spaces (at least one). */
  private boolean skip(String prefix) {
    while (!prefix.isEmpty()) {
      if (prefix.charAt(0) == ' ') {
        if (!value.isEmpty() && value.charAt(0) != ' ') {
          return false;
        }
        prefix = prefix.stripLeading();
        value = value.replaceFirst("^ +", "");
        continue;
      }
      if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
        return false;
      }
      prefix = prefix.substring(1);
      value = value.substring(1);
    }
    return true;
  }

  private String take(int n, boolean digits) {
    if (value.length() < n) {
      throw new Bad();
    }
    String p = value.substring(0, n);
    if (digits && !p.chars().allMatch(Character::isDigit)) {
      throw new Bad();
    }
    value = value.substring(n);
    return p;
  }

  private int num(boolean fixed) {
    if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
      throw new Bad();
    }
    if (value.length() < 2 || !Character.isDigit(value.charAt(1))) {
      if (fixed) {
        throw new Bad();
      }
      int v = value.charAt(0) - '0';
      value = value.substring(1);
      return v;
    }
    int v = (value.charAt(0) - '0') * 10 + value.charAt(1) - '0';
    value = value.substring(2);
    return v;
  }

  private int lookup(TextStyle style, boolean months) {
    int count = months ? 12 : 7;
    for (int i = 0; i < count; i++) {
      String name = months ? java.time.Month.of(i + 1).getDisplayName(style, Locale.US)
          : java.time.DayOfWeek.of(i == 0 ? 7 : i).getDisplayName(style, Locale.US);
      if (value.length() >= name.length()
          && value.substring(0, name.length()).equalsIgnoreCase(name)) {
        value = value.substring(name.length());
        return i;
      }
    }
    throw new Bad();
  }

  private int nanos(int nbytes) {
    if (!(value.charAt(0) == '.' || value.charAt(0) == ',')) {
      throw new Bad();
    }
    int n = Math.min(nbytes, 10);
    String digits = value.substring(1, n);
    if (!digits.chars().allMatch(Character::isDigit)) {
      throw new Bad();
    }
    int ns = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    for (int i = 0; i < 10 - n; i++) {
      ns *= 10;
    }
    return ns;
  }

  /** sign, hours, minutes, seconds of a numeric zone. */
  private int[] offset(GoLayout.Std std) {
    String s = std.name();
    String sign;
    String h;
    String m = "00";
    String sec = "00";
    if (s.endsWith("COLON_TZ")) {
      if (value.length() < 6 || value.charAt(3) != ':') {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      h = value.substring(1, 3);
      m = value.substring(4, 6);
      value = value.substring(6);
    } else if (s.contains("SHORT")) {
      if (value.length() < 3) {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      h = value.substring(1, 3);
      value = value.substring(3);
    } else if (s.contains("COLON_SECONDS")) {
      if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      h = value.substring(1, 3);
      m = value.substring(4, 6);
      sec = value.substring(7, 9);
      value = value.substring(9);
    } else if (s.contains("SECONDS")) {
      if (value.length() < 7) {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      h = value.substring(1, 3);
      m = value.substring(3, 5);
      sec = value.substring(5, 7);
      value = value.substring(7);
    } else {
      if (value.length() < 5) {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      h = value.substring(1, 3);
      m = value.substring(3, 5);
      value = value.substring(5);
    }
    int[] out = {0, fixed2(h), fixed2(m), fixed2(sec)};
    out[0] = switch (sign) {
      case "+" -> 1;
      case "-" -> -1;
      default -> throw new Bad();
    };
    return out;
  }

  private static int fixed2(String s) {
    if (s.length() != 2 || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(1))) {
      throw new Bad();
    }
    return Integer.parseInt(s);
  }

  private static int timeZoneLength(String v) {
    if (v.length() < 3) {
      return 0;
    }
    if (v.startsWith("ChST") || v.startsWith("MeST")) {
      return 4;
    }
    if (v.startsWith("GMT")) {
      return 3;
    }
    int n = 0;
    while (n < 6 && n < v.length() && v.charAt(n) >= 'A' && v.charAt(n) <= 'Z') {
      n++;
    }
    return switch (n) {
      case 3 -> 3;
      case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
      case 5 -> v.charAt(4) == 'T' ? 5 : 0;
      default -> 0;
    };
  }
}

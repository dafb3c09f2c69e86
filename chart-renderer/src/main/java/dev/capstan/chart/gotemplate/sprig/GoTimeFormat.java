package dev.capstan.chart.gotemplate.sprig;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go's Time.Format over {@link GoLayout} tokens. */
final class GoTimeFormat {
  private GoTimeFormat() {}

  static String format(GoTime time, String layout) {
    ZonedDateTime t = time.local_();
    int offset = t.getOffset().getTotalSeconds();
    StringBuilder b = new StringBuilder();
    for (GoLayout.Chunk c : GoLayout.parse(layout)) {
      if (c.std() == null) {
        b.append(c.literal());
        continue;
      }
      int hour = t.getHour();
      switch (c.std()) {
        case LONG_MONTH -> b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
        case MONTH -> b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
        case NUM_MONTH -> b.append(t.getMonthValue());
        case ZERO_MONTH -> pad(b, t.getMonthValue(), 2, '0');
        case LONG_WEEKDAY -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
        case WEEKDAY -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
        case DAY -> b.append(t.getDayOfMonth());
        case UNDER_DAY -> pad(b, t.getDayOfMonth(), 2, ' ');
        case ZERO_DAY -> pad(b, t.getDayOfMonth(), 2, '0');
        case UNDER_YEAR_DAY -> pad(b, t.getDayOfYear(), 3, ' ');
        case ZERO_YEAR_DAY -> pad(b, t.getDayOfYear(), 3, '0');
        case HOUR -> pad(b, hour, 2, '0');
        case HOUR12 -> b.append(hour % 12 == 0 ? 12 : hour % 12);
        case ZERO_HOUR12 -> pad(b, hour % 12 == 0 ? 12 : hour % 12, 2, '0');
        case MINUTE -> b.append(t.getMinute());
        case ZERO_MINUTE -> pad(b, t.getMinute(), 2, '0');
        case SECOND -> b.append(t.getSecond());
        case ZERO_SECOND -> pad(b, t.getSecond(), 2, '0');
        case LONG_YEAR -> year(b, t.getYear());
        case YEAR -> pad(b, Math.floorMod(t.getYear(), 100), 2, '0');
        case PM -> b.append(hour >= 12 ? "PM" : "AM");
        case LOWER_PM -> b.append(hour >= 12 ? "pm" : "am");
        case TZ -> {
          String name = time.abbreviation();
          if (!name.isEmpty()) {
            b.append(name);
          } else {
            zone(b, offset, false, false, false);
          }
        }
        case ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ,
            ISO8601_COLON_SECONDS_TZ -> {
          if (offset == 0) {
            b.append('Z');
          } else {
            numericZone(b, c.std(), offset);
          }
        }
        case NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ ->
            numericZone(b, c.std(), offset);
        case FRAC_SECOND0 -> {
          b.append(c.separator());
          String nanos = String.format("%09d", t.getNano());
          b.append(nanos, 0, Math.min(9, c.digits()));
          for (int k = 9; k < c.digits(); k++) {
            b.append('0');
          }
        }
        case FRAC_SECOND9 -> {
          String nanos = String.format("%09d", t.getNano());
          nanos = nanos.substring(0, Math.min(9, c.digits())).replaceAll("0+$", "");
          if (!nanos.isEmpty()) {
            b.append(c.separator()).append(nanos);
          }
        }
        default -> throw new IllegalStateException(c.std().name());
      }
    }
    return b.toString();
  }

  private static void year(StringBuilder b, int year) {
    if (year < 0) {
      b.append('-');
      year = -year;
    }
    pad(b, year, 4, '0');
  }

  private static void numericZone(StringBuilder b, GoLayout.Std std, int offset) {
    boolean colon = std.name().contains("COLON");
    boolean seconds = std.name().contains("SECONDS");
    boolean shortForm = std.name().contains("SHORT");
    zone(b, offset, colon, seconds, shortForm);
  }

  private static void zone(StringBuilder b, int offset, boolean colon, boolean seconds,
      boolean shortForm) {
    int zone = offset / 60;
    int absOffset = offset;
    if (zone < 0) {
      b.append('-');
      zone = -zone;
      absOffset = -absOffset;
    } else {
      b.append('+');
    }
    pad(b, zone / 60, 2, '0');
    if (colon) {
      b.append(':');
    }
    if (!shortForm) {
      pad(b, zone % 60, 2, '0');
    }
    if (seconds) {
      if (colon) {
        b.append(':');
      }
      pad(b, absOffset % 60, 2, '0');
    }
  }

  static void pad(StringBuilder b, int v, int width, char fill) {
    String s = Integer.toString(v);
    for (int k = s.length(); k < width; k++) {
      b.append(fill);
    }
    b.append(s);
  }
}

package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sprig's date.go. A date argument is a time.Time, an int or an int64 (Unix seconds); anything
 * else, float64 values included, means "now", as in Go. "Local" is the machine's zone, as for Go.
 */
final class DateFuncs {
  private DateFuncs() {}

  static void register(FuncTable t) {
    t.fn("now", List.of(), a -> GoTime.now());
    t.fn("date", List.of(STRING, ANY), a -> inZone((String) a.get(0), a.get(1), "Local"));
    t.fn("dateInZone", List.of(STRING, ANY, STRING),
        a -> inZone((String) a.get(0), a.get(1), (String) a.get(2)));
    t.alias("date_in_zone", "dateInZone");
    t.fn("htmlDate", List.of(ANY), a -> inZone("2006-01-02", a.get(0), "Local"));
    t.fn("htmlDateInZone", List.of(ANY, STRING),
        a -> inZone("2006-01-02", a.get(0), (String) a.get(1)));
    t.fn("dateModify", List.of(STRING, ANY), a -> {
      GoTime time = time(a.get(1));
      try {
        return time.plusNanos(GoDuration.parse((String) a.get(0)));
      } catch (GoFuncException e) {
        return time;
      }
    });
    t.alias("date_modify", "dateModify");
    t.fn("mustDateModify", List.of(STRING, ANY),
        a -> time(a.get(1)).plusNanos(GoDuration.parse((String) a.get(0))));
    t.alias("must_date_modify", "mustDateModify");
    t.fn("ago", List.of(ANY), a -> ago(a.get(0)));
    t.fn("duration", List.of(ANY), a -> duration(a.get(0)));
    t.fn("durationRound", List.of(ANY), a -> durationRound(a.get(0)));
    t.fn("toDate", List.of(STRING, STRING), a -> {
      try {
        return GoTimeParse.parse((String) a.get(0), (String) a.get(1), GoTime.local());
      } catch (GoFuncException e) {
        return GoTime.ZERO;
      }
    });
    t.fn("mustToDate", List.of(STRING, STRING),
        a -> GoTimeParse.parse((String) a.get(0), (String) a.get(1), GoTime.local()));
    t.fn("unixEpoch", List.of(ANY), a -> Long.toString(time(a.get(0)).unix()));
  }

  /** A time.Time parameter. */
  private static GoTime time(Object v) {
    if (v instanceof GoTime t) {
      return t;
    }
    throw new GoFuncException(
        "wrong type for value; expected time.Time; got " + GoNames.typeName(v));
  }

  private static GoTime dateArg(Object v) {
    if (v instanceof GoTime t) {
      return t;
    } else if (v instanceof Long l) {
      return new GoTime(Instant.ofEpochSecond(l), GoTime.local(), null, null);
    } else if (v instanceof Integer i) {
      return new GoTime(Instant.ofEpochSecond(i), GoTime.local(), null, null);
    }
    return GoTime.now();
  }

  private static String inZone(String fmt, Object date, String zone) {
    return GoTimeFormat.format(inLocation(dateArg(date), zone), fmt);
  }

  /** time.LoadLocation, falling back to UTC as Sprig does when the zone is unknown. */
  static GoTime inLocation(GoTime t, String zone) {
    if (zone.equals("Local")) {
      return t.in(GoTime.local());
    } else if (zone.isEmpty() || zone.equals("UTC")) {
      return new GoTime(t.instant(), ZoneOffset.UTC, "UTC", null);
    }
    try {
      if (!zone.contains("/") && !zone.matches("[A-Za-z]+")) {
        throw new java.time.DateTimeException(zone);
      }
      return t.in(ZoneId.of(zone));
    } catch (java.time.DateTimeException e) {
      return new GoTime(t.instant(), ZoneOffset.UTC, "UTC", null);
    }
  }

  private static String ago(Object v) {
    GoTime t;
    if (v instanceof GoTime g) {
      t = g;
    } else if (v instanceof Long l) {
      t = new GoTime(Instant.ofEpochSecond(l), ZoneOffset.UTC, null, null);
    } else if (v instanceof Integer i) {
      t = new GoTime(Instant.ofEpochSecond(i), ZoneOffset.UTC, null, null);
    } else {
      t = GoTime.now();
    }
    long since = java.time.Duration.between(t.instant(), Instant.now()).toNanos();
    return GoDuration.format(round(since, GoDuration.SECOND));
  }

  /** Duration.Round: halfway values away from zero. */
  private static long round(long d, long m) {
    long r = d % m;
    if (d < 0) {
      r = -r;
      return r + r < m ? d + r : d - m + r;
    }
    return r + r < m ? d - r : d + m - r;
  }

  private static String duration(Object v) {
    long n = 0;
    if (v instanceof String s) {
      n = s.matches("[+-]?\\d{1,18}") ? Long.parseLong(s) : 0;
    } else if (v instanceof Long l) {
      n = l;
    }
    return GoDuration.format(n * GoDuration.SECOND);
  }

  private static String durationRound(Object v) {
    long d = 0;
    if (v instanceof String s) {
      try {
        d = GoDuration.parse(s);
      } catch (GoFuncException e) {
        d = 0;
      }
    } else if (v instanceof Long l) {
      d = l;
    } else if (v instanceof GoTime t) {
      d = java.time.Duration.between(t.instant(), Instant.now()).toNanos();
    }
    long u = Math.abs(d);
    long hour = 3600 * GoDuration.SECOND;
    long day = 24 * hour;
    long[] units = {365 * day, 30 * day, day, hour, 60 * GoDuration.SECOND, GoDuration.SECOND};
    String[] names = {"y", "mo", "d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (u > units[i]) {
        return (u / units[i]) + names[i];
      }
    }
    return "0s";
  }
}

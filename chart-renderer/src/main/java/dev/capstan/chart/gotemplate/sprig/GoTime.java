package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoStruct;
import dev.capstan.chart.gotemplate.GoType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Time}: an instant, its location, and for {@code now} the monotonic clock
 * reading Go prints after it ({@code m=+0.001234567}). A location is a region, UTC, or a fixed
 * offset with an optional name ({@code zoneName}, Go's FixedZone).
 */
record GoTime(Instant instant, ZoneId zone, String zoneName, Long monotonic)
    implements GoStruct, GoJson.Marshaler {
  static final GoTime ZERO =
      new GoTime(Instant.parse("0001-01-01T00:00:00Z"), ZoneOffset.UTC, "UTC", null);
  private static final long START = System.nanoTime();

  static GoTime now() {
    return new GoTime(Instant.now(), ZoneId.systemDefault(), null, System.nanoTime() - START);
  }

  /** Go's Local location: the machine's zone, as Go reads /etc/localtime or TZ. */
  static ZoneId local() {
    return ZoneId.systemDefault();
  }

  ZonedDateTime local_() {
    return instant.atZone(zone);
  }

  GoTime in(ZoneId z) {
    return new GoTime(instant, z, null, null);
  }

  GoTime plusNanos(long nanos) {
    return new GoTime(instant.plusNanos(nanos), zone, zoneName, monotonic == null ? null
        : monotonic + nanos);
  }

  /** The zone abbreviation Go prints for MST: tzdata's, or "-0700" for an unnamed offset. */
  String abbreviation() {
    if (zoneName != null) {
      return zoneName;
    }
    if (zone.equals(ZoneOffset.UTC)) {
      return "UTC";
    }
    if (zone instanceof ZoneOffset) {
      return "";
    }
    return DateTimeFormatter.ofPattern("zzz", Locale.US).format(local_());
  }

  long unix() {
    return instant.getEpochSecond();
  }

  @Override
  public String goTypeName() {
    return "time.Time";
  }

  private static final List<String> METHODS = List.of("Unix", "UnixNano", "UnixMilli", "Year",
      "YearDay", "Day", "Hour", "Minute", "Second", "Nanosecond", "Format", "UTC", "Local",
      "String", "IsZero");

  @Override
  public boolean has(String name) {
    return METHODS.contains(name);
  }

  @Override
  public Object field(String name) {
    throw new IllegalArgumentException("time.Time has no field " + name);
  }

  @Override
  public GoFunc method(String name) {
    ZonedDateTime t = local_();
    return switch (name) {
      case "Unix" -> GoFunc.of(name, List.of(), a -> unix());
      case "UnixMilli" -> GoFunc.of(name, List.of(), a -> instant.toEpochMilli());
      case "UnixNano" -> GoFunc.of(name, List.of(),
          a -> instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
      case "Year" -> GoFunc.of(name, List.of(), a -> t.getYear());
      case "YearDay" -> GoFunc.of(name, List.of(), a -> t.getDayOfYear());
      case "Day" -> GoFunc.of(name, List.of(), a -> t.getDayOfMonth());
      case "Hour" -> GoFunc.of(name, List.of(), a -> t.getHour());
      case "Minute" -> GoFunc.of(name, List.of(), a -> t.getMinute());
      case "Second" -> GoFunc.of(name, List.of(), a -> t.getSecond());
      case "Nanosecond" -> GoFunc.of(name, List.of(), a -> t.getNano());
      case "Format" -> GoFunc.of(name, List.of(GoType.STRING),
          a -> GoTimeFormat.format(this, (String) a.get(0)));
      case "UTC" -> GoFunc.of(name, List.of(), a -> new GoTime(instant, ZoneOffset.UTC, "UTC", null));
      case "Local" -> GoFunc.of(name, List.of(), a -> in(local()));
      case "String" -> GoFunc.of(name, List.of(), a -> format());
      case "IsZero" -> GoFunc.of(name, List.of(), a -> instant.equals(ZERO.instant));
      default -> null;
    };
  }

  /** Go's Time.String(). */
  @Override
  public String format() {
    String s = GoTimeFormat.format(this, "2006-01-02 15:04:05.999999999 -0700 MST");
    if (monotonic != null) {
      long m = monotonic;
      String sign = m < 0 ? "-" : "+";
      long abs = Math.abs(m);
      s += " m=" + sign + (abs / 1_000_000_000L) + "." + String.format("%09d", abs % 1_000_000_000L);
    }
    return s;
  }

  @Override
  public Object jsonValue() {
    return GoTimeFormat.format(this, "2006-01-02T15:04:05.999999999Z07:00");
  }

  @Override
  public String toString() {
    return format();
  }
}

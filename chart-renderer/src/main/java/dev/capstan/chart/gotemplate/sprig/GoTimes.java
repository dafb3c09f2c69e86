package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoStruct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Go {@code time.Time} values for other packages (Helm's fromToml): an offset date-time, and
 * BurntSushi/toml's local date-times, dates and times, which it places in the machine's current
 * offset under the names {@code datetime-local}, {@code date-local} and {@code time-local}.
 */
public final class GoTimes {
  private GoTimes() {}

  public static GoStruct of(OffsetDateTime t) {
    ZoneOffset offset = t.getOffset();
    return new GoTime(t.toInstant(), offset, offset.equals(ZoneOffset.UTC) ? "UTC" : null, null);
  }

  public static GoStruct of(LocalDateTime t) {
    return local(t, "datetime-local");
  }

  public static GoStruct of(LocalDate d) {
    return local(d.atStartOfDay(), "date-local");
  }

  public static GoStruct of(LocalTime t) {
    return local(LocalDate.of(0, 1, 1).atTime(t), "time-local");
  }

  private static GoStruct local(LocalDateTime t, String name) {
    ZoneOffset offset = GoTime.local().getRules().getOffset(java.time.Instant.now());
    return new GoTime(t.toInstant(offset), offset, name, null);
  }
}

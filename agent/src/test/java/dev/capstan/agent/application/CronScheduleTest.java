package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

class CronScheduleTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static ZonedDateTime next(String cron, String after) {
    CronExpression e = CronSchedule.parse(cron, UTC);
    Date next = e.getNextValidTimeAfter(Date.from(ZonedDateTime.parse(after).toInstant()));
    return next.toInstant().atZone(UTC);
  }

  @Test
  void everyDayAtTen() {
    assertThat(next("0 22 * * *", "2026-11-26T12:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-11-26T22:00:00Z[UTC]"));
  }

  @Test
  void weekdaysAreNumberedAsInCron() {
    // 2026-11-26 is a Thursday; cron day 1 is Monday.
    assertThat(next("30 6 * * 1", "2026-11-26T00:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-11-30T06:30:00Z[UTC]"));
    assertThat(next("0 0 * * 0", "2026-11-26T00:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-11-29T00:00:00Z[UTC]"));
    assertThat(next("0 0 * * 1-5", "2026-11-27T01:00:00Z")).isEqualTo(ZonedDateTime.parse("2026-11-30T00:00:00Z[UTC]"));
  }

  @Test
  void stepsAreNotTakenForDays() {
    assertThat(next("*/15 * * * *", "2026-11-26T10:01:00Z")).isEqualTo(ZonedDateTime.parse("2026-11-26T10:15:00Z[UTC]"));
  }

  @Test
  void refusesWrongFieldCounts() {
    assertThatThrownBy(() -> CronSchedule.parse("0 22 * *", UTC)).hasMessageContaining("expected five fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", UTC)).hasMessageStartingWith("invalid schedule \"0 25 * * *\"");
  }
}

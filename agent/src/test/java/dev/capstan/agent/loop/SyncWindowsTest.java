package dev.capstan.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.SyncWindow;
import dev.capstan.agent.application.SyncWindow.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncWindowsTest {
  private static final SyncWindow NIGHT_DENY = new SyncWindow(Kind.deny, "0 22 * * *", "8h", null);

  @Test
  void aDenyWindowHoldsSyncsWhileOpen() {
    assertThat(SyncWindows.heldBecause(List.of(NIGHT_DENY), Instant.parse("2026-11-26T23:30:00Z")))
        .isEqualTo("deny window \"0 22 * * *\" for 8h is open");
    assertThat(SyncWindows.heldBecause(List.of(NIGHT_DENY), Instant.parse("2026-11-27T05:59:00Z"))).isNotNull();
    assertThat(SyncWindows.heldBecause(List.of(NIGHT_DENY), Instant.parse("2026-11-27T06:00:00Z"))).isNull();
    assertThat(SyncWindows.heldBecause(List.of(NIGHT_DENY), Instant.parse("2026-11-26T12:00:00Z"))).isNull();
  }

  @Test
  void allowWindowsLetSyncsRunOnlyInside() {
    var office = new SyncWindow(Kind.allow, "0 9 * * 1-5", "8h", "Europe/Madrid");
    // Thursday 10:00 in Madrid (09:00 UTC) is inside; Saturday is not.
    assertThat(SyncWindows.heldBecause(List.of(office), Instant.parse("2026-11-26T09:00:00Z"))).isNull();
    assertThat(SyncWindows.heldBecause(List.of(office), Instant.parse("2026-11-28T10:00:00Z"))).isEqualTo("outside every allow window");
  }

  @Test
  void denyWinsOverAllow() {
    var always = new SyncWindow(Kind.allow, "0 0 * * *", "24h", null);
    assertThat(SyncWindows.heldBecause(List.of(always, NIGHT_DENY), Instant.parse("2026-11-26T23:00:00Z"))).startsWith("deny window");
    assertThat(SyncWindows.heldBecause(List.of(), Instant.parse("2026-11-26T23:00:00Z"))).isNull();
  }

  @Test
  void nextChangeIsWhenTheStateFlips() {
    Duration year = Duration.ofDays(366);
    // Inside the night's deny window: held until it closes at 06:00; outside: allowed until 22:00.
    assertThat(SyncWindows.nextChange(List.of(NIGHT_DENY), Instant.parse("2026-11-26T23:30:00Z"), year))
        .isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
    assertThat(SyncWindows.nextChange(List.of(NIGHT_DENY), Instant.parse("2026-11-26T12:00:00Z"), year))
        .isEqualTo(Instant.parse("2026-11-26T22:00:00Z"));
    // Friday afternoon in Madrid: allowed until 17:00 (16:00 UTC), then held over the weekend until Monday 09:00.
    var office = new SyncWindow(Kind.allow, "0 9 * * 1-5", "8h", "Europe/Madrid");
    assertThat(SyncWindows.nextChange(List.of(office), Instant.parse("2026-11-27T14:00:00Z"), year))
        .isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
    assertThat(SyncWindows.nextChange(List.of(office), Instant.parse("2026-11-28T10:00:00Z"), year))
        .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
  }

  @Test
  void nextChangeLooksThroughOverlapsAndGivesUpOnWindowsThatNeverClose() {
    // Two overlapping deny windows: the hold lasts until the later one closes.
    var early = new SyncWindow(Kind.deny, "0 20 * * *", "4h", null);
    assertThat(SyncWindows.nextChange(List.of(early, NIGHT_DENY), Instant.parse("2026-11-26T21:00:00Z"), Duration.ofDays(366)))
        .isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
    // Fires every minute for an hour: always open, so no change is foreseen.
    var always = new SyncWindow(Kind.deny, "* * * * *", "1h", null);
    assertThat(SyncWindows.nextChange(List.of(always), Instant.parse("2026-11-26T21:00:00Z"), Duration.ofDays(366))).isNull();
    assertThat(SyncWindows.nextChange(List.of(), Instant.parse("2026-11-26T21:00:00Z"), Duration.ofDays(366))).isNull();
  }
}

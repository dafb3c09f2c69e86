package dev.capstan.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.SyncWindow;
import dev.capstan.agent.application.SyncWindow.Kind;
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
}

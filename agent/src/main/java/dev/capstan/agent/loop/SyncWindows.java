package dev.capstan.agent.loop;

import dev.capstan.agent.application.CronSchedule;
import dev.capstan.agent.application.SpecDuration;
import dev.capstan.agent.application.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.quartz.CronExpression;

/**
 * Decides whether automated syncs may run now, as Argo CD's sync windows do: a {@code deny} window that
 * is open holds them; when any {@code allow} window exists, syncs run only while one is open. A deny
 * wins over an allow. Manual syncs may override with an explicit flag, which is the caller's business.
 */
public final class SyncWindows {
  private SyncWindows() {}

  /** Why syncs are held at {@code now}, or {@code null} when they may run. */
  public static String heldBecause(List<SyncWindow> windows, Instant now) {
    boolean anyAllow = false;
    boolean insideAllow = false;
    for (SyncWindow w : windows) {
      boolean open = isOpen(w, now);
      if (w.kind() == SyncWindow.Kind.deny && open) {
        return "deny window \"" + w.schedule() + "\" for " + w.duration() + " is open";
      }
      if (w.kind() == SyncWindow.Kind.allow) {
        anyAllow = true;
        insideAllow |= open;
      }
    }
    return anyAllow && !insideAllow ? "outside every allow window" : null;
  }

  /**
   * The first instant after {@code now} at which syncs turn from held to allowed or back, or
   * {@code null} when none comes within {@code horizon} (or within {@value #MAX_STEPS} schedule
   * firings, for a window that fires every minute and never closes). Windows only open when their
   * schedule fires and close a duration after their last firing, so those are the instants looked at.
   */
  public static Instant nextChange(List<SyncWindow> windows, Instant now, Duration horizon) {
    if (windows.isEmpty()) {
      return null;
    }
    boolean heldNow = heldBecause(windows, now) != null;
    Instant limit = now.plus(horizon);
    Instant t = now;
    for (int step = 0; step < MAX_STEPS; step++) {
      Instant next = null;
      for (SyncWindow w : windows) {
        next = earliest(next, nextEdge(w, t));
      }
      if (next == null || next.isAfter(limit)) {
        return null;
      }
      if ((heldBecause(windows, next) != null) != heldNow) {
        return next;
      }
      t = next;
    }
    return null;
  }

  static final int MAX_STEPS = 5000;

  /** The next instant after {@code t} at which {@code window} fires, or closes after its earliest firing still open. */
  private static Instant nextEdge(SyncWindow window, Instant t) {
    ZoneId zone = ZoneId.of(window.timeZone() == null ? "UTC" : window.timeZone());
    CronExpression cron = CronSchedule.parse(window.schedule(), zone);
    Duration length = SpecDuration.parse(window.duration());
    Date fires = cron.getNextValidTimeAfter(Date.from(t));
    Date openSince = cron.getNextValidTimeAfter(Date.from(t.minus(length)));
    Instant closes = openSince == null || openSince.toInstant().isAfter(t) ? null : openSince.toInstant().plus(length);
    return earliest(fires == null ? null : fires.toInstant(), closes != null && closes.isAfter(t) ? closes : null);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  /** A window is open when its schedule fired within the last {@code duration}. */
  static boolean isOpen(SyncWindow window, Instant now) {
    ZoneId zone = ZoneId.of(window.timeZone() == null ? "UTC" : window.timeZone());
    CronExpression cron = CronSchedule.parse(window.schedule(), zone);
    Duration length = SpecDuration.parse(window.duration());
    Date start = Date.from(now.minus(length));
    Date fired = cron.getNextValidTimeAfter(start);
    return fired != null && !fired.toInstant().isAfter(now);
  }
}

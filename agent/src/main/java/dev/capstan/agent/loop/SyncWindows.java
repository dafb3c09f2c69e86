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

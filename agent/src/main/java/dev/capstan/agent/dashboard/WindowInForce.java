package dev.capstan.agent.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.capstan.agent.application.SyncWindow;
import dev.capstan.agent.loop.SyncWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sync windows as they stand now, for the application page: whether automated syncs may run,
 * which window holds them if not, and until when that holds.
 *
 * @param allowed automated syncs may run now
 * @param heldBecause the window holding them, when not allowed
 * @param until when that turns, ISO-8601 UTC; absent when it does not within {@link #HORIZON} (or
 *     there is no window at all)
 * @param windows the Application's windows, as its spec lists them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WindowInForce(boolean allowed, String heldBecause, String until, List<SyncWindow> windows) {
  /** How far ahead a change is looked for. */
  static final Duration HORIZON = Duration.ofDays(366);

  public static WindowInForce at(List<SyncWindow> windows, Instant now) {
    String held = SyncWindows.heldBecause(windows, now);
    Instant until = SyncWindows.nextChange(windows, now, HORIZON);
    return new WindowInForce(held == null, held, until == null ? null : until.toString(), List.copyOf(windows));
  }
}

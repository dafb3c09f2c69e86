package dev.capstan.engine.health;

import dev.capstan.engine.resource.ObjectException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The timeout passed before every object was healthy; names each object still holding it up. */
public class WaitTimeoutException extends ObjectException {
  private final transient List<Holdup> holdups;

  public WaitTimeoutException(Duration timeout, List<Holdup> holdups) {
    // Rounded: callers pass what is left of an overall timeout, a few milliseconds short of it.
    super(holdups.get(0).ref(), "not healthy after " + Math.round(timeout.toMillis() / 1000.0) + "s: "
        + holdups.stream().map(Holdup::toString).collect(Collectors.joining("; ")));
    this.holdups = List.copyOf(holdups);
  }

  public List<Holdup> holdups() {
    return holdups;
  }
}

package dev.capstan.agent.sync;

import dev.capstan.core.CapstanException;

/**
 * A chart from Git whose locked dependencies cannot be used as they are: its Chart.lock is out of sync
 * with Chart.yaml or unreadable, a locked version is gone, an archive does not match its published
 * digest, or the credentials may not be used. Someone must change the chart or the repository: the
 * Application stalls, nothing is applied, what is live stays. (An unreachable repository is not
 * this: that pass fails and the next one tries again.)
 */
final class LockedDependencyException extends CapstanException {
  LockedDependencyException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }
}

package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.core.CapstanException;
import java.util.Optional;

/**
 * Suspends and resumes an Application where it is kept, as {@code flux suspend} does: by setting its
 * {@code spec.suspend}, so the record of what is suspended stays the Application itself and every
 * reader (kubectl, the API, a restarted agent) sees the same. The agent hears the change as it hears
 * any spec change; it does not suspend anything on its own.
 */
public interface Suspension {
  /** Why suspend and resume cannot be done from here, or empty when they can. */
  Optional<String> unavailable();

  /**
   * Sets {@code spec.suspend} of {@code app} to {@code suspend}.
   *
   * @throws CapstanException naming the Application when it cannot be changed
   */
  void set(Application app, boolean suspend);

  /** What an agent whose Applications live in files offers: nothing, with this reason. */
  static Suspension unavailable(String why) {
    return new Suspension() {
      @Override
      public Optional<String> unavailable() {
        return Optional.of(why);
      }

      @Override
      public void set(Application app, boolean suspend) {
        throw new CapstanException("Application/" + app.getMetadata().getName(), why);
      }
    };
  }

  /** The reason given when the Applications are read from files (Git or disk). */
  String IN_FILES = "the agent reads this Application from files: set spec.suspend there (in Git or on disk), so the record stays true";
}

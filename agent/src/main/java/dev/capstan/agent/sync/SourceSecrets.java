package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import java.util.Map;

/**
 * Where the names in an Application's {@code spec.source.secretRef} and
 * {@code spec.source.verify.secretRef} point: a Secret in the Application's namespace read through the
 * API (cluster mode), or a folder under {@code --credentials-dir} laid out like a mounted Secret
 * (files mode). Read on every fetch, so a rotated Secret takes effect on the next poll.
 */
public interface SourceSecrets {

  /**
   * Every key of the Secret {@code name} that {@code app} may name, read now.
   *
   * @throws dev.capstan.agent.application.ApplicationException naming the Secret when it does not
   *     exist or cannot be read
   */
  Map<String, byte[]> read(Application app, String name);

  /** The Secret as messages name it, and as the repository cache tells two credentials apart: {@code Secret shop/git}. */
  String describe(Application app, String name);
}

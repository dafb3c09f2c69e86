package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.git.fetch.GitRevision;

/** Turns an application at its sources' revisions into what its release's next revision should be. */
public interface AppRenderer {
  /** @throws CapstanException when the chart or manifests cannot be read or rendered */
  DesiredState render(Application app, AppInputs inputs);

  /** An application with one source, at {@code revision}. */
  default DesiredState render(Application app, GitRevision revision) {
    return render(app, AppInputs.of(revision));
  }
}

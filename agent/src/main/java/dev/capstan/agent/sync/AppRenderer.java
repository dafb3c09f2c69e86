package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.git.fetch.GitRevision;

/** Turns an application at a Git revision into what its release's next revision should be. */
public interface AppRenderer {
  /** @throws CapstanException when the chart cannot be read or rendered */
  DesiredState render(Application app, GitRevision revision);
}

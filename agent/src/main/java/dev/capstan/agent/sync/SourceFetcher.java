package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.git.fetch.FetchResult;
import java.util.Optional;

/** Where a pass learns the commit an application's sources point at now. */
public interface SourceFetcher {
  /**
   * @param source one of {@code app}'s sources
   * @param known the commit last applied from it, so the fetch can tell whether its folder changed since
   */
  FetchResult fetch(Application app, Source source, Optional<String> known);

  /** The source whose chart or manifests {@code app} deploys. */
  default FetchResult fetch(Application app, Optional<String> known) {
    return fetch(app, app.getSpec().deployedSource(), known);
  }
}

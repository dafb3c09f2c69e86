package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.git.fetch.FetchResult;
import java.util.Optional;

/** Where a pass learns the commit an application's source points at now. */
public interface SourceFetcher {
  /**
   * @param known the commit last applied, so the fetch can tell whether the app's folder changed since
   */
  FetchResult fetch(Application app, Optional<String> known);
}

package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.git.fetch.FetchResult;
import dev.capstan.git.fetch.Fetcher;
import java.util.Optional;

/** Fetches through the shared Git cache; concurrent fetches of one repository are one. */
public final class GitSourceFetcher implements SourceFetcher {
  private final Fetcher fetcher;
  private final SourceSecrets secrets;

  public GitSourceFetcher(Fetcher fetcher, SourceSecrets secrets) {
    this.fetcher = fetcher;
    this.secrets = secrets;
  }

  @Override
  public FetchResult fetch(Application app, Source source, Optional<String> known) {
    return fetcher.fetch(SourceOf.fetched(app, source, secrets), known);
  }
}

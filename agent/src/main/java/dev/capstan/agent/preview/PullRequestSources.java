package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.List;

/** Where a preview gets a pull request's head, its target branch and the paths between them, and how a closed one's head is dropped. */
public interface PullRequestSources {
  /**
   * The head and the target branch's tip of {@code pr}, in the repository of {@code source} (one of
   * {@code app}'s Git sources, fetched with its URL and credentials), and every path that differs
   * between the two trees.
   *
   * @throws dev.capstan.core.CapstanException when either cannot be fetched
   */
  Heads fetch(Application app, Source source, PullRequestEvent pr);

  /**
   * The commit {@code sha} of {@code source}, one of {@code app}'s Git sources, as a sync deployed
   * it: from the cache when it is there, else fetched by its SHA.
   *
   * @throws dev.capstan.core.CapstanException when it cannot be fetched
   */
  GitRevision at(Application app, Source source, String sha);

  /**
   * Takes what {@link #fetch} brought in for {@code pr}'s head out of the cache of {@code source}'s
   * repository (the closed request's ref and the objects only it reached); the target branch stays.
   *
   * @return the refs removed, empty when there were none
   * @throws dev.capstan.core.CapstanException when the cache cannot be cleaned
   */
  List<String> forget(Application app, Source source, PullRequestEvent pr);

  /** A pull request's two ends and the files between them. */
  record Heads(GitRevision head, GitRevision base, List<String> changedPaths) {
    public Heads {
      changedPaths = List.copyOf(changedPaths);
    }
  }
}

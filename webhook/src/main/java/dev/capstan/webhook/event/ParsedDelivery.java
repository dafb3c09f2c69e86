package dev.capstan.webhook.event;

import java.util.List;

/** What one delivery turned out to be once its payload was read. */
public sealed interface ParsedDelivery {
  /**
   * The repository the delivery is about, if the payload names one; used to pick a per-repository
   * secret before the signature is checked.
   */
  default List<RepoId> repositories() {
    return List.of();
  }

  /** One or more ref updates (Bitbucket batches several changes in one delivery). */
  record Pushes(List<PushEvent> events) implements ParsedDelivery {
    public Pushes {
      events = List.copyOf(events);
    }

    @Override
    public List<RepoId> repositories() {
      return events.stream().map(PushEvent::repository).distinct().toList();
    }
  }

  /** A pull request (merge request) was opened, updated or closed. */
  record PullRequest(PullRequestEvent event) implements ParsedDelivery {
    @Override
    public List<RepoId> repositories() {
      return List.of(event.repository());
    }
  }

  /** The host checking the hook works (GitHub's {@code ping}, Bitbucket's {@code diagnostics:ping}). */
  record Ping(RepoId repository) implements ParsedDelivery {
    @Override
    public List<RepoId> repositories() {
      return repository == null ? List.of() : List.of(repository);
    }
  }

  /** An event Capstan has no use for (issues, comments, ...); acknowledged and dropped. */
  record Ignored(String eventName, RepoId repository) implements ParsedDelivery {
    @Override
    public List<RepoId> repositories() {
      return repository == null ? List.of() : List.of(repository);
    }
  }
}

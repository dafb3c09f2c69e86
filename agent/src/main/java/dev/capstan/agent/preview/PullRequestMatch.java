package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Preview;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.trigger.PushMatch;
import dev.capstan.webhook.event.ChangedPaths;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.List;
import java.util.Optional;

/**
 * Which Applications a pull request concerns, in two steps: before fetching, those that opted in
 * ({@code spec.preview.enabled}), follow the request's target branch of the same repository, and
 * accept where the request comes from (a fork is refused unless {@code sameRepositoryOnly: false});
 * after fetching, those whose folder the request's changes touch.
 */
public final class PullRequestMatch {
  private PullRequestMatch() {}

  /** Why {@code app} is not previewed for {@code pr}, or empty when it is a candidate. */
  public static Optional<String> refusal(Application app, PullRequestEvent pr) {
    if (app.getSpec() == null || app.getSpec().deployedSource() == null || app.deletingResources()) {
      return Optional.of("no source");
    }
    Preview preview = app.getSpec().previewOrDefault();
    Source source = app.getSpec().deployedSource();
    if (!preview.on()) {
      return Optional.of("previews are off");
    }
    if (source.isChartSource()) {
      return Optional.of("the chart comes from a repository or registry, which no pull request changes");
    }
    if (!app.getSpec().referenceSources().isEmpty() || !source.valuesFromOrEmpty().isEmpty()) {
      return Optional.of("previews render one Git source; this Application also reads named sources or valuesFrom");
    }
    if (!PushMatch.sameRepository(source.repoURL(), pr.repository())) {
      return Optional.of("another repository");
    }
    if (!followsBranch(source.ref(), pr.baseBranch())) {
      return Optional.of("follows " + source.ref() + ", not " + pr.baseBranch());
    }
    if (pr.fromFork() && preview.refusesForks()) {
      return Optional.of("the request comes from a fork (" + pr.headRepository() + ") and spec.preview.sameRepositoryOnly is on");
    }
    if (pr.headRef() == null) {
      return Optional.of("the host keeps no ref of the fork's head in " + pr.repository());
    }
    return Optional.empty();
  }

  /**
   * An Application following the remote HEAD matches requests into any branch (the payloads do not
   * all say which branch is the default); one naming a branch matches requests into that branch.
   * Tags, commits and semver ranges match none: no pull request merges into them.
   */
  static boolean followsBranch(String ref, String baseBranch) {
    if (ref == null || ref.isBlank() || ref.equals("HEAD")) {
      return true;
    }
    return ref.equals(baseBranch) || ref.equals("refs/heads/" + baseBranch);
  }

  /**
   * Whether {@code app} may have fetched {@code pr}'s head into the cache: it has previews on and
   * lives in the request's target repository. A closed request's head is evicted from those caches.
   */
  public static boolean mayHaveFetched(Application app, PullRequestEvent pr) {
    return app.getSpec() != null && app.getSpec().deployedSource() != null && app.getSpec().previewOrDefault().on()
        && PushMatch.sameRepository(app.getSpec().deployedSource().repoURL(), pr.repository());
  }

  /**
   * Whether {@code app} deploys from {@code fullRef} of the request's repository, as it does when a
   * Bitbucket request's source branch is also a branch an Application follows: that ref must stay.
   */
  public static boolean follows(Application app, PullRequestEvent pr, String fullRef) {
    Source source = app.getSpec() == null ? null : app.getSpec().deployedSource();
    if (source == null || source.ref() == null || !PushMatch.sameRepository(source.repoURL(), pr.repository())) {
      return false;
    }
    String ref = source.ref();
    return ref.equals(fullRef) || ("refs/heads/" + ref).equals(fullRef);
  }

  /** Whether the request's changes touch the Application's chart folder (its values files live there too). */
  public static boolean touches(Application app, List<String> changedPaths) {
    Source source = app.getSpec().deployedSource();
    String path = source.path() == null ? "" : source.path().replaceAll("^/+|/+$", "");
    return path.isEmpty() ? !changedPaths.isEmpty() : ChangedPaths.of(changedPaths).touches(path);
  }
}

package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Preview;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.trigger.PushMatch;
import dev.capstan.webhook.event.ChangedPaths;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which Applications a pull request concerns, in two steps: before fetching, those that opted in
 * ({@code spec.preview.enabled}), have a Git source (the deployed one or a named one) that follows the
 * request's target branch of the same repository, and accept where the request comes from (a fork is
 * refused unless {@code sameRepositoryOnly: false}); after fetching, those where the request's changes
 * touch what such a source supplies: the deployed source's folder, or the values files a named source
 * supplies ({@code $name/path}). A chart from a Helm repository or an OCI registry is never matched:
 * no pull request changes it, but its Application is previewed when a pull request changes its values.
 */
public final class PullRequestMatch {
  private PullRequestMatch() {}

  /** Why {@code app} is not previewed for {@code pr}, or empty when it is a candidate. */
  public static Optional<String> refusal(Application app, PullRequestEvent pr) {
    if (app.getSpec() == null || app.getSpec().deployedSource() == null || app.deletingResources()) {
      return Optional.of("no source");
    }
    Preview preview = app.getSpec().previewOrDefault();
    if (!preview.on()) {
      return Optional.of("previews are off");
    }
    List<MatchedSource> git = gitSources(app);
    if (git.isEmpty()) {
      return Optional.of("the chart comes from a repository or registry and no Git source supplies values, which no pull request changes");
    }
    List<MatchedSource> same = git.stream().filter(s -> PushMatch.sameRepository(s.source().repoURL(), pr.repository())).toList();
    if (same.isEmpty()) {
      return Optional.of("another repository");
    }
    if (same.stream().noneMatch(s -> followsBranch(s.source().ref(), pr.baseBranch()))) {
      return Optional.of("follows " + same.get(0).source().ref() + ", not " + pr.baseBranch());
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
   * The Git sources of {@code app} that {@code pr} merges into: in the request's target repository
   * and following its target branch; the deployed one first, then the named ones in spec order.
   */
  public static List<MatchedSource> sources(Application app, PullRequestEvent pr) {
    return gitSources(app).stream().filter(s -> PushMatch.sameRepository(s.source().repoURL(), pr.repository())
        && followsBranch(s.source().ref(), pr.baseBranch())).toList();
  }

  /** The deployed source when it is a Git folder, then every named source (those are always Git). */
  static List<MatchedSource> gitSources(Application app) {
    List<MatchedSource> out = new ArrayList<>();
    Source deployed = app.getSpec().deployedSource();
    if (deployed != null && !deployed.isChartSource()) {
      out.add(new MatchedSource(MatchedSource.DEPLOYED, deployed));
    }
    app.getSpec().referenceSources().forEach((name, source) -> out.add(new MatchedSource(name, source)));
    return out;
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
   * Whether {@code app} may have fetched {@code pr}'s head into the cache: it has previews on and one
   * of its Git sources lives in the request's target repository. A closed request's head is evicted
   * from those caches.
   */
  public static boolean mayHaveFetched(Application app, PullRequestEvent pr) {
    return app.getSpec() != null && app.getSpec().deployedSource() != null && app.getSpec().previewOrDefault().on()
        && gitSources(app).stream().anyMatch(s -> PushMatch.sameRepository(s.source().repoURL(), pr.repository()));
  }

  /**
   * Whether one of {@code app}'s sources deploys from {@code fullRef} of the request's repository, as
   * when a Bitbucket request's source branch is also a branch an Application follows: that ref must stay.
   */
  public static boolean follows(Application app, PullRequestEvent pr, String fullRef) {
    if (app.getSpec() == null || app.getSpec().deployedSource() == null) {
      return false;
    }
    return gitSources(app).stream().map(MatchedSource::source).anyMatch(source -> source.ref() != null
        && PushMatch.sameRepository(source.repoURL(), pr.repository())
        && (source.ref().equals(fullRef) || ("refs/heads/" + source.ref()).equals(fullRef)));
  }

  /** Whether the request's changes touch the Application's chart folder (its values files live there too). */
  public static boolean touches(Application app, List<String> changedPaths) {
    return touches(app, new MatchedSource(MatchedSource.DEPLOYED, app.getSpec().deployedSource()), changedPaths);
  }

  /**
   * Whether the request's changes touch what {@code source} supplies to {@code app}: for the deployed
   * source, its folder; for a named one, the values files the deployed source reads from it
   * ({@code $name/path}, from the repository's root).
   */
  public static boolean touches(Application app, MatchedSource source, List<String> changedPaths) {
    if (source.deployed()) {
      String path = source.source().path() == null ? "" : source.source().path().replaceAll("^/+|/+$", "");
      return path.isEmpty() ? !changedPaths.isEmpty() : ChangedPaths.of(changedPaths).touches(path);
    }
    String prefix = "$" + source.name() + "/";
    return app.getSpec().deployedSource().valuesFilesOrEmpty().stream().filter(f -> f.startsWith(prefix))
        .map(f -> f.substring(prefix.length()).replaceAll("^/+", "")).anyMatch(changedPaths::contains);
  }
}

package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.Chart;
import dev.capstan.core.CapstanException;
import dev.capstan.git.auth.Redactor;
import dev.capstan.git.fetch.FetchResult;
import dev.capstan.git.fetch.GitRevision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads what a pass works from besides the spec: what the deployed source resolves to now (a Git
 * commit, or a chart version and digest in a repository or registry), the commit of each named
 * source, and the {@code valuesFrom} documents. Returns a result, never throws for a source that
 * cannot be read: the pass turns a {@link Failure} into a status, and what is live stays.
 */
final class PassInputs {
  private final AgentContext ctx;

  PassInputs(AgentContext ctx) {
    this.ctx = ctx;
  }

  /** Why a pass could not read its inputs: the status reason, the message, and whether the spec itself is at fault. */
  record Failure(String reason, String message, boolean invalidSpec) {}

  /**
   * @param inputs what was read, or null on failure
   * @param pathChanged whether the deployed source's folder changed since {@code known} (always true for a chart)
   */
  record Read(AppInputs inputs, boolean pathChanged, Failure failure) {
    static Read failed(String reason, String message, boolean invalidSpec) {
      return new Read(null, false, new Failure(reason, message, invalidSpec));
    }
  }

  /** Reads for a pass of {@code record}, noting in it every commit seen (a push of one needs no second look). */
  Read read(AppRecord record) {
    Application app = record.application();
    Source deployed = app.getSpec().deployedSource();
    PassRevision revision;
    boolean pathChanged;
    if (deployed.isChartSource()) {
      try {
        Duration maxAge = pollInterval(app);
        revision = PassRevision.of(ctx.metrics().fetch().record(() -> ctx.charts().resolve(app, deployed, maxAge)));
      } catch (CapstanException e) {
        return Read.failed("ChartFetchFailed", Redactor.maskUrlCredentials(e.getMessage()), e instanceof ApplicationException);
      }
      pathChanged = true;
    } else {
      FetchResult fetched = ctx.metrics().fetch().record(() -> ctx.sources().fetch(app, Optional.ofNullable(record.syncedCommit())));
      if (fetched instanceof FetchResult.Failure failure) {
        return Read.failed("GitFetchFailed", Redactor.maskUrlCredentials(failure.failure().message()), false);
      }
      FetchResult.Success success = (FetchResult.Success) fetched;
      revision = PassRevision.of(success.revision());
      pathChanged = success.pathChanged();
    }
    record.fetched(revision.id());
    Map<String, GitRevision> references = new LinkedHashMap<>();
    for (Map.Entry<String, Source> named : app.getSpec().referenceSources().entrySet()) {
      FetchResult fetched = ctx.metrics().fetch().record(() -> ctx.sources().fetch(app, named.getValue(), Optional.empty()));
      if (fetched instanceof FetchResult.Failure failure) {
        return Read.failed("GitFetchFailed", "source " + named.getKey() + ": " + Redactor.maskUrlCredentials(failure.failure().message()),
            false);
      }
      GitRevision r = ((FetchResult.Success) fetched).revision();
      record.fetchedReference(r.sha());
      references.put(named.getKey(), r);
    }
    try {
      return new Read(new AppInputs(revision, references, ctx.valuesFrom().read(app), chartLoader(app, revision)), pathChanged, null);
    } catch (ApplicationException e) {
      return Read.failed("InvalidSpec", e.getMessage(), true);
    } catch (CapstanException e) {
      return Read.failed("ValuesFromFailed", e.getMessage(), false);
    }
  }

  /** What a user's diff compares: every source as it is now; throws when one cannot be read. */
  AppInputs readNow(AppRecord record) {
    Application app = record.application();
    Source deployed = app.getSpec().deployedSource();
    PassRevision revision = deployed.isChartSource()
        ? PassRevision.of(ctx.charts().resolve(app, deployed, Duration.ZERO))
        : PassRevision.of(ctx.sources().fetch(app, Optional.ofNullable(record.syncedCommit())).revisionOrThrow());
    Map<String, GitRevision> references = new LinkedHashMap<>();
    app.getSpec().referenceSources().forEach((name, source) ->
        references.put(name, ctx.sources().fetch(app, source, Optional.empty()).revisionOrThrow()));
    return new AppInputs(revision, references, ctx.valuesFrom().read(app), chartLoader(app, revision));
  }

  /**
   * A Helm repository's index younger than the app's poll interval is used as it is, so the apps
   * sharing a repository share one request per interval.
   */
  private static Duration pollInterval(Application app) {
    try {
      return app.getSpec().syncPolicyOrDefault().pollInterval();
    } catch (IllegalArgumentException invalid) {
      return Duration.ZERO;
    }
  }

  /** Loads the resolved chart when a render asks for it; null for a Git source. */
  private Supplier<Chart> chartLoader(Application app, PassRevision revision) {
    if (revision.chart() == null) {
      return null;
    }
    Source deployed = app.getSpec().deployedSource();
    return () -> ctx.charts().load(app, deployed, revision.chart());
  }
}

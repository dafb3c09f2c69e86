package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.Chart;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.core.CapstanException;
import dev.capstan.git.auth.Redactor;
import dev.capstan.git.fetch.FetchFailure;
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

  /** What a failure to read does to the Application. */
  enum Effect {
    /** Someone must change the spec or a Secret: the app stalls (nothing was sent with credentials it may not use). */
    STALL,
    /** The revision is not signed by a trusted key: refused, what is live stays. */
    REFUSED_REVISION,
    /** The chart's provenance does not hold (unsigned, altered, an untrusted key): the app stalls, what is live stays. */
    REFUSED_CHART,
    /** The source could not be reached or read: retried on the next pass. */
    RETRY
  }

  /** Why a pass could not read its inputs: the status reason, the message, and what it does to the app. */
  record Failure(String reason, String message, Effect effect) {}

  /**
   * @param inputs what was read, or null on failure
   * @param pathChanged whether the deployed source's folder changed since {@code known} (always true for a chart)
   */
  record Read(AppInputs inputs, boolean pathChanged, Failure failure) {
    static Read failed(String reason, String message, Effect effect) {
      return new Read(null, false, new Failure(reason, message, effect));
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
        revision = chartRevision(app, deployed, ctx.metrics().fetch().record(() -> ctx.charts().resolve(app, deployed, maxAge)));
      } catch (CredentialsRefusedException e) {
        return Read.failed("CredentialsRefused", e.getMessage(), Effect.STALL);
      } catch (ProvenanceException e) {
        return Read.failed("UnverifiedChart", Redactor.maskUrlCredentials(e.getMessage()), Effect.REFUSED_CHART);
      } catch (ApplicationException e) {
        return Read.failed("InvalidSource", Redactor.maskUrlCredentials(e.getMessage()), Effect.STALL);
      } catch (CapstanException e) {
        return Read.failed("ChartFetchFailed", Redactor.maskUrlCredentials(e.getMessage()), Effect.RETRY);
      }
      pathChanged = true;
    } else {
      FetchResult fetched;
      try {
        fetched = ctx.metrics().fetch().record(() -> ctx.sources().fetch(app, Optional.ofNullable(record.syncedCommit())));
      } catch (ApplicationException e) {
        return Read.failed("InvalidSource", e.getMessage(), Effect.STALL);
      }
      if (fetched instanceof FetchResult.Failure failure) {
        return gitFailed(app, deployed, "", failure.failure());
      }
      FetchResult.Success success = (FetchResult.Success) fetched;
      revision = PassRevision.of(success.revision());
      pathChanged = success.pathChanged();
    }
    record.fetched(revision.id());
    Map<String, GitRevision> references = new LinkedHashMap<>();
    for (Map.Entry<String, Source> named : app.getSpec().referenceSources().entrySet()) {
      FetchResult fetched;
      try {
        fetched = ctx.metrics().fetch().record(() -> ctx.sources().fetch(app, named.getValue(), Optional.empty()));
      } catch (ApplicationException e) {
        return Read.failed("InvalidSource", "source " + named.getKey() + ": " + e.getMessage(), Effect.STALL);
      }
      if (fetched instanceof FetchResult.Failure failure) {
        return gitFailed(app, named.getValue(), "source " + named.getKey() + ": ", failure.failure());
      }
      GitRevision r = ((FetchResult.Success) fetched).revision();
      record.fetchedReference(r.sha());
      references.put(named.getKey(), r);
    }
    try {
      return new Read(new AppInputs(revision, references, ctx.valuesFrom().read(app), chartLoader(app, revision),
          dependencies(app, revision)), pathChanged, null);
    } catch (ApplicationException e) {
      return Read.failed("InvalidSpec", e.getMessage(), Effect.STALL);
    } catch (CapstanException e) {
      return Read.failed("ValuesFromFailed", e.getMessage(), Effect.RETRY);
    }
  }

  /**
   * A Git source that could not be fetched. Credentials that cannot be used (a missing key, a
   * {@code url} that does not cover the repository, plain http) stall the app before any request was
   * made; a commit or tag not signed by a trusted key is refused, naming which and why.
   */
  private static Read gitFailed(Application app, Source source, String prefix, FetchFailure failure) {
    String message = Redactor.maskUrlCredentials(failure.message());
    if (failure instanceof FetchFailure.CredentialsUnusable && source.secretRef() != null && !source.secretRef().isBlank()) {
      return Read.failed("CredentialsRefused", prefix + SourceOf.field(app, source) + ".secretRef: " + message, Effect.STALL);
    }
    if (failure instanceof FetchFailure.VerificationRefused || failure instanceof FetchFailure.TagRefused) {
      // the message names what was refused: "<repo>: commit <sha> refused: <why>", "<repo>: tag v1.2.0 refused: <why>"
      return Read.failed(failure instanceof FetchFailure.TagRefused ? "UnverifiedTag" : "UnverifiedCommit", prefix + message,
          Effect.REFUSED_REVISION);
    }
    return Read.failed("GitFetchFailed", prefix + message, Effect.RETRY);
  }

  /** What a user's diff compares: every source as it is now; throws when one cannot be read. */
  AppInputs readNow(AppRecord record) {
    Application app = record.application();
    Source deployed = app.getSpec().deployedSource();
    PassRevision revision = deployed.isChartSource()
        ? chartRevision(app, deployed, ctx.charts().resolve(app, deployed, Duration.ZERO))
        : PassRevision.of(ctx.sources().fetch(app, Optional.ofNullable(record.syncedCommit())).revisionOrThrow());
    Map<String, GitRevision> references = new LinkedHashMap<>();
    app.getSpec().referenceSources().forEach((name, source) ->
        references.put(name, ctx.sources().fetch(app, source, Optional.empty()).revisionOrThrow()));
    return new AppInputs(revision, references, ctx.valuesFrom().read(app), chartLoader(app, revision), dependencies(app, revision));
  }

  /** The chart version resolved, with who signed it when the source asks for provenance (which throws when it does not hold). */
  private PassRevision chartRevision(Application app, Source deployed, ResolvedChart resolved) {
    if (!deployed.verifiesProvenance()) {
      return PassRevision.of(resolved);
    }
    return PassRevision.of(resolved, ctx.metrics().fetch().record(() -> ctx.charts().verify(app, deployed, resolved)));
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

  /**
   * For a chart from Git, adds what its Chart.lock names and its {@code charts/} lacks when a render
   * reads it, through the agent's chart cache. What someone must fix (a stale lock, a digest mismatch,
   * a version gone, credentials refused) becomes a {@link LockedDependencyException}; an unreachable
   * repository stays a failure the next pass retries.
   */
  private AppInputs.Dependencies dependencies(Application app, PassRevision revision) {
    if (revision.chart() != null) {
      return AppInputs.Dependencies.NONE;
    }
    Source deployed = app.getSpec().deployedSource();
    return (files, chart) -> {
      try {
        return ctx.metrics().fetch().record(() -> ctx.charts().withLockedDependencies(app, deployed, files, chart));
      } catch (SourceException e) {
        if (e.reason() == SourceException.Reason.UNREACHABLE || e.reason() == SourceException.Reason.PROTOCOL) {
          throw e;
        }
        throw new LockedDependencyException(chart + "/Chart.lock", Redactor.maskUrlCredentials(e.getMessage()), e);
      } catch (ChartException | ApplicationException e) {
        throw new LockedDependencyException("", Redactor.maskUrlCredentials(e.getMessage()), e);
      }
    };
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

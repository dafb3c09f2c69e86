package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.Chart;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier.Verification;
import dev.capstan.core.CapstanException;
import java.time.Duration;

/** Where a pass learns which chart version a repository or registry source names now, and gets that chart. */
public interface ChartSources {
  /**
   * The version and digest {@code source} names now, without downloading the chart.
   *
   * @param maxAge how old a Helm repository's index may be and still be used: the application's poll
   *     interval, so applications sharing a repository share one index request per interval
   * @throws CapstanException naming the source and why (unreachable, unauthorized, no matching version …)
   */
  ResolvedChart resolve(Application app, Source source, Duration maxAge);

  /** The chart {@code resolved} names, verified against its digest, from the chart cache when it is there. */
  Chart load(Application app, Source source, ResolvedChart resolved);

  /**
   * {@code helm --verify}: the provenance of the chart {@code resolved} names, checked against the keys
   * of the source's {@code verify.secretRef}; who signed it when it holds.
   *
   * @throws dev.capstan.chartrepo.provenance.ProvenanceException naming the chart and why its provenance does not hold
   * @throws ApplicationException naming {@code verify.secretRef} when its keys cannot be used
   */
  default Verification verify(Application app, Source source, ResolvedChart resolved) {
    throw new ApplicationException(SourceOf.field(app, source) + ".verify", "this agent does not verify chart provenance");
  }

  /**
   * {@code files}, a chart read from Git, with each locked {@code https://}/{@code oci://} dependency
   * its {@code Chart.lock} names and its {@code charts/} lacks, fetched and verified through the
   * chart cache ({@code helm dependency build} in memory). {@code source} is the Git source holding
   * the chart: its {@code secretRef} is used for a dependency's repository only when the Secret's
   * {@code url} covers it. Without repository access the files are returned as they are.
   *
   * @throws CapstanException naming the chart's Chart.lock or the dependency, and why
   */
  default ChartFiles withLockedDependencies(Application app, Source source, ChartFiles files, String chart) {
    return files;
  }

  /** For contexts without repository access (tests in memory): chart sources are refused, plainly. */
  static ChartSources unavailable() {
    return new ChartSources() {
      @Override
      public ResolvedChart resolve(Application app, Source source, Duration maxAge) {
        throw new ApplicationException("spec.source.chart", "this agent reads charts from Git only");
      }

      @Override
      public Chart load(Application app, Source source, ResolvedChart resolved) {
        throw new ApplicationException("spec.source.chart", "this agent reads charts from Git only");
      }
    };
  }
}

package dev.capstan.cli.chart;

import dev.capstan.chartrepo.FetchedChart;
import dev.capstan.chartrepo.VerifiedChart;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan pull CHART}: downloads a chart from a registry or repository, as {@code helm pull}. */
@Command(name = "pull", description = "Download a chart from an OCI registry or a Helm repository, as `helm pull` does "
    + "(with --verify, its .prov too, verified against --keyring).")
public final class PullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "CHART", description = "oci://host/path/chart[:tag|@digest], or a chart name with --repo.")
  String chart;

  @Mixin ChartSourceFlags source = new ChartSourceFlags();

  @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "Where to write NAME-VERSION.tgz (default: .).")
  Path destination = Path.of(".");

  private void write(Path target, byte[] bytes) {
    try {
      Files.createDirectories(destination);
      Files.write(target, bytes);
    } catch (IOException e) {
      throw new CapstanException(target.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() {
    if (!source.isRemote(chart)) {
      throw new CapstanException(chart, "pull needs oci://host/path/chart or a chart name with --repo URL");
    }
    VerifiedChart verified = source.verify() ? source.fetchVerified(chart) : null;
    FetchedChart fetched = verified != null ? verified.chart() : source.fetch(chart);
    Path target = destination.resolve(fetched.fileName());
    write(target, fetched.archive());
    if (verified != null) {
      write(target.resolveSibling(target.getFileName() + ".prov"), verified.provenance());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Pulled: " + fetched.resolved().name() + " " + fetched.resolved().version() + " to " + target);
    fetched.resolved().digest().ifPresent(d -> out.println("Digest: " + d));
    if (verified != null) {
      ProvenanceVerifier.Verification v = verified.verification();
      out.println("Signed by: " + v.signedBy());
      out.println("Using Key With Fingerprint: " + v.keyFingerprint());
      out.println("Chart Hash Verified: " + v.archiveDigest());
    }
    out.flush();
    return 0;
  }
}

package dev.capstan.cli.chart;

import dev.capstan.chartrepo.ChartPusher;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan push CHART.tgz oci://host/path}: stores a chart in an OCI registry, as {@code helm push}. */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Push a chart archive (and its .prov, when one is beside it) to an OCI registry as "
        + "oci://host/path/NAME:VERSION, as `helm push` does.")
public final class PushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHART.tgz", description = "The chart archive (capstan package writes one).")
  Path archive;

  @Parameters(index = "1", paramLabel = "REMOTE", description = "oci://host/path: the chart goes to host/path/NAME:VERSION.")
  String remote;

  @Mixin RegistryFlags registry = new RegistryFlags();

  /** The .prov beside the archive, pushed with it as Helm does (bounded as verification bounds it). */
  private Optional<byte[]> provenance() {
    Path prov = archive.resolveSibling(archive.getFileName() + ".prov");
    if (!Files.isRegularFile(prov)) {
      return Optional.empty();
    }
    try {
      if (Files.size(prov) > ProvenanceVerifier.MAX_PROVENANCE_BYTES) {
        throw new CapstanException(prov.toString(), "larger than " + ProvenanceVerifier.MAX_PROVENANCE_BYTES + " bytes: not a provenance file");
      }
      return Optional.of(Files.readAllBytes(prov));
    } catch (IOException e) {
      throw new CapstanException(prov.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() {
    OciReference base;
    try {
      base = OciReference.parse(remote);
    } catch (IllegalArgumentException e) {
      throw new CapstanException(remote, e.getMessage());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(archive);
    } catch (IOException e) {
      throw new CapstanException(archive.toString(), "cannot read: " + e.getMessage(), e);
    }
    ChartPusher pusher = new ChartPusher(new OciRegistryClient(HttpTransport.create(registry.transportOptions())));
    ChartPusher.Pushed pushed;
    try {
      pushed = pusher.push(bytes, archive.toString(), base, registry.credentialsFor(remote), provenance());
    } catch (IllegalArgumentException e) {
      throw new CapstanException(remote, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Pushed: " + pushed.reference());
    out.println("Digest: " + pushed.manifestDigest());
    out.flush();
    return 0;
  }
}

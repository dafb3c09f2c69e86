package dev.capstan.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Revisions written by earlier agents read back, and the sources of a multi-source release survive the round trip. */
class RevisionCodecTest {
  @Test
  void aRevisionWrittenBeforeSourcesWereKeptReadsWithNone() throws Exception {
    String old = """
        {"namespace":"shop","release":"web","number":3,"time":"2026-01-05T10:00:00Z","status":"DEPLOYED",
         "chartName":"web","chartVersion":"1.0.0","values":{},"manifests":[],"gitCommit":"abc123",
         "description":"Upgrade complete","notes":""}
        """;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(old.getBytes(StandardCharsets.UTF_8));
    }

    ReleaseRevision read = RevisionCodec.decode(bytes.toByteArray());

    assertThat(read.gitCommit()).isEqualTo("abc123");
    assertThat(read.sourceRevisions()).isEmpty();
    assertThat(read.signedBy()).as("written before signers were kept").isNull();
  }

  @Test
  void theSignerOfAVerifiedSourceRoundTrips() throws Exception {
    ReleaseRevision revision = HistoryTest.revision(1, RevisionStatus.DEPLOYED);
    ReleaseRevision signed = new ReleaseRevision(revision.namespace(), revision.release(), 1, revision.time(), revision.status(),
        revision.chartName(), revision.chartVersion(), revision.values(), revision.manifests(), revision.gitCommit(),
        revision.description(), revision.notes(), Map.of(), "Release Bot <bot@example.com> (key 0A1B2C3D)")
        .withStatus(RevisionStatus.SUPERSEDED, "Upgrade complete");

    ReleaseRevision read = RevisionCodec.decode(RevisionCodec.encode(signed));

    assertThat(read.signedBy()).isEqualTo("Release Bot <bot@example.com> (key 0A1B2C3D)");
    assertThat(read.status()).isEqualTo(RevisionStatus.SUPERSEDED);
  }

  @Test
  void listingsNameAChartWithItsVersionAndPlainManifestsByTheirFolderAlone() throws Exception {
    ReleaseRevision chart = HistoryTest.revision(1, RevisionStatus.DEPLOYED);
    ReleaseRevision manifests = new ReleaseRevision("shop", "site", 1, chart.time(), RevisionStatus.DEPLOYED, "site", null,
        Map.of(), chart.manifests(), "abc123", "Install complete", "");

    assertThat(chart.chart()).isEqualTo("web-1.0.1");
    assertThat(manifests.chart()).isEqualTo("site");
    assertThat(new String(RevisionCodec.json().writeValueAsBytes(chart), StandardCharsets.UTF_8))
        .as("not a stored field").doesNotContain("\"chart\"");
  }

  @Test
  void everySourcesRevisionRoundTripsInOrder() throws Exception {
    ReleaseRevision revision = HistoryTest.revision(1, RevisionStatus.DEPLOYED);
    ReleaseRevision multi = new ReleaseRevision(revision.namespace(), revision.release(), 1, revision.time(), revision.status(),
        revision.chartName(), revision.chartVersion(), revision.values(), revision.manifests(), revision.gitCommit(),
        revision.description(), revision.notes(), Map.of("sources[0]", "abc123"))
        .withStatus(RevisionStatus.SUPERSEDED, "Upgrade complete");

    ReleaseRevision read = RevisionCodec.decode(RevisionCodec.encode(multi));

    assertThat(read.sourceRevisions()).containsExactly(Map.entry("sources[0]", "abc123"));
    assertThat(read.status()).isEqualTo(RevisionStatus.SUPERSEDED);
  }
}

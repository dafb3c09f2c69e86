package dev.capstan.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The history output, pinned by golden files (regenerate with {@code -Dgolden.update=true}). */
class HistoryPrinterTest {
  private static ReleaseRevision revision(int number, RevisionStatus status, String commit, String description) {
    return new ReleaseRevision("shop", "web", number, Instant.parse("2026-03-0" + number + "T09:30:00Z"), status, "web",
        "1." + number + ".0", Map.of("replicas", number), List.of(), commit, description, "");
  }

  private static final List<ReleaseRevision> HISTORY = List.of(
      revision(1, RevisionStatus.SUPERSEDED, "3f2a9c1b7d4e8f6a0b1c2d3e4f5a6b7c8d9e0f1a", "Install complete"),
      revision(2, RevisionStatus.ROLLED_BACK, "9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c",
          "Rolled back to revision 1: Deployment/shop/web: degraded: ReplicaSet has timed out progressing."),
      revision(3, RevisionStatus.FAILED, null, "Interrupted before it finished; superseded by revision 4"),
      revision(4, RevisionStatus.DEPLOYED, null, "Rollback to 1 complete"));

  private static ReleaseRevision signed(ReleaseRevision r, String signedBy) {
    return new ReleaseRevision(r.namespace(), r.release(), r.number(), r.time(), r.status(), r.chartName(), r.chartVersion(),
        r.values(), r.manifests(), r.gitCommit(), r.description(), r.notes(), r.sourceRevisions(), signedBy);
  }

  /** A release whose source was verified from revision 2 on: who signed each shows, and "-" where nobody did. */
  private static final List<ReleaseRevision> SIGNED = List.of(
      revision(1, RevisionStatus.SUPERSEDED, "3f2a9c1b7d4e8f6a0b1c2d3e4f5a6b7c8d9e0f1a", "Install complete"),
      signed(revision(2, RevisionStatus.DEPLOYED, null, "Upgrade complete"),
          "Shop Releases <releases@shop.example> (key 8C1D4E2F9A0B3C5D7E6F1A2B3C4D5E6F7A8B9C0D)"));

  @ParameterizedTest
  @EnumSource(HistoryPrinter.Format.class)
  void printsHistory(HistoryPrinter.Format format) throws Exception {
    assertGolden(HistoryPrinter.print(HISTORY, format), "history." + format);
  }

  @ParameterizedTest
  @EnumSource(HistoryPrinter.Format.class)
  void printsWhoSignedAVerifiedRevision(HistoryPrinter.Format format) throws Exception {
    assertGolden(HistoryPrinter.print(SIGNED, format), "history-signed." + format);
  }

  private static void assertGolden(String printed, String name) throws Exception {
    Path golden = Path.of("src/test/resources/golden/release/" + name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, printed, StandardCharsets.UTF_8);
    }
    assertThat(printed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}

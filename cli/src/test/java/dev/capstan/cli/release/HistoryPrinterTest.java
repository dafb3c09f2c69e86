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

  @ParameterizedTest
  @EnumSource(HistoryPrinter.Format.class)
  void printsHistory(HistoryPrinter.Format format) throws Exception {
    String printed = HistoryPrinter.print(HISTORY, format);
    Path golden = Path.of("src/test/resources/golden/release/history." + format);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, printed, StandardCharsets.UTF_8);
    }
    assertThat(printed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}

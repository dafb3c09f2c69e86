package dev.capstan.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
  static ReleaseRevision revision(int number, RevisionStatus status) {
    return new ReleaseRevision("shop", "web", number, Instant.parse("2026-01-0" + Math.min(number, 9) + "T10:00:00Z"), status,
        "web", "1.0." + number, Map.of("replicas", number),
        List.of(new StoredManifest("web/templates/cm.yaml", Map.of("apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "web", "namespace", "shop")))),
        "abc123", "Upgrade complete", "");
  }

  @Test
  void limitDeletesTheOldestButNeverTheDeployedRevision() {
    InMemoryReleaseStore store = new InMemoryReleaseStore();
    store.create(revision(1, RevisionStatus.SUPERSEDED));
    store.create(revision(2, RevisionStatus.DEPLOYED));
    store.create(revision(3, RevisionStatus.FAILED));
    store.create(revision(4, RevisionStatus.FAILED));
    store.create(revision(5, RevisionStatus.FAILED));

    HistoryLimit.enforce(store, "shop", "web", 3);

    assertThat(store.list("shop", "web")).extracting(ReleaseRevision::number).containsExactly(2, 4, 5);
  }

  @Test
  void zeroLimitKeepsEverything() {
    InMemoryReleaseStore store = new InMemoryReleaseStore();
    for (int i = 1; i <= 12; i++) {
      store.create(revision(i, RevisionStatus.SUPERSEDED));
    }
    HistoryLimit.enforce(store, "shop", "web", 0);
    assertThat(store.list("shop", "web")).hasSize(12);
  }

  @Test
  void deployedIsTheNewestDeployedRevision() {
    InMemoryReleaseStore store = new InMemoryReleaseStore();
    store.create(revision(1, RevisionStatus.SUPERSEDED));
    store.create(revision(2, RevisionStatus.DEPLOYED));
    store.create(revision(3, RevisionStatus.ROLLED_BACK));

    assertThat(store.deployed("shop", "web")).map(ReleaseRevision::number).contains(2);
    assertThat(store.latest("shop", "web")).map(ReleaseRevision::number).contains(3);
  }

  @Test
  void codecRoundTripsEveryField() throws Exception {
    ReleaseRevision revision = revision(7, RevisionStatus.ROLLED_BACK);
    assertThat(RevisionCodec.decode(RevisionCodec.encode(revision))).isEqualTo(revision);
  }

  @Test
  void statusLabelsAreLowerCaseWithDashes() {
    assertThat(RevisionStatus.ROLLED_BACK.label()).isEqualTo("rolled-back");
    assertThat(RevisionStatus.fromLabel("rolled-back")).isEqualTo(RevisionStatus.ROLLED_BACK);
  }
}

package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.SyncSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status subresource carries the same JSON as when sync and health were strings. */
class ApplicationStatusJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void syncAndHealthAreWrittenAsTheirLabels() throws Exception {
    ApplicationStatus status = new ApplicationStatus(new SyncSummary(SyncState.OUT_OF_SYNC, "abc"),
        new HealthSummary(HealthState.PROGRESSING, "Deployment/shop/web: 1 of 2 updated"), List.of(), List.of(), 3L);

    assertThat(JSON.writeValueAsString(status)).isEqualTo(
        "{\"sync\":{\"status\":\"OutOfSync\",\"revision\":\"abc\"},"
            + "\"health\":{\"status\":\"Progressing\",\"message\":\"Deployment/shop/web: 1 of 2 updated\"},"
            + "\"conditions\":[],\"history\":[],\"observedGeneration\":3}");
  }

  @Test
  void labelsReadBackAndAnUnknownOneIsUnknown() throws Exception {
    ApplicationStatus read = JSON.readValue(
        "{\"sync\":{\"status\":\"Synced\",\"revision\":\"abc\"},\"health\":{\"status\":\"Fabulous\"}}", ApplicationStatus.class);

    assertThat(read.syncState()).isEqualTo(SyncState.SYNCED);
    assertThat(read.healthState()).isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void aStatusWithoutSyncOrHealthIsUnknown() {
    ApplicationStatus empty = new ApplicationStatus(null, null, null, null, null);

    assertThat(empty.syncState()).isEqualTo(SyncState.UNKNOWN);
    assertThat(empty.healthState()).isEqualTo(HealthState.UNKNOWN);
  }
}

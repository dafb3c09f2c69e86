package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labels sync and health carry on the wire, as keys too (the dashboard's counts), and back. */
class WireLabelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void labelsAreArgoCdsWords() {
    assertThat(Arrays.stream(SyncState.values()).map(SyncState::label)).containsExactly("Synced", "OutOfSync", "Unknown");
    assertThat(Arrays.stream(HealthState.values()).map(HealthState::toString))
        .containsExactly("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");
  }

  @Test
  void everyLabelReadsBackAsItsConstant() {
    for (SyncState s : SyncState.values()) {
      assertThat(SyncState.of(s.label())).isEqualTo(s);
    }
    for (HealthState h : HealthState.values()) {
      assertThat(HealthState.of(h.label())).isEqualTo(h);
    }
    assertThat(SyncState.of("OUT_OF_SYNC")).isEqualTo(SyncState.UNKNOWN);
    assertThat(HealthState.of(null)).isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void countsAreKeyedByLabel() throws Exception {
    Map<SyncState, Integer> counts = new EnumMap<>(SyncState.class);
    counts.put(SyncState.OUT_OF_SYNC, 2);
    counts.put(SyncState.SYNCED, 1);

    String json = JSON.writeValueAsString(counts);

    assertThat(json).isEqualTo("{\"Synced\":1,\"OutOfSync\":2}");
    assertThat(JSON.readValue(json, new TypeReference<Map<SyncState, Integer>>() {})).isEqualTo(counts);
  }
}

package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The spec's Go-notation durations reach the agent as durations, parsed in one place. */
class SyncPolicyTest {
  @Test
  void unsetFieldsAreTheDefaultsAsDurations() {
    SyncPolicy policy = new SyncPolicy(true, null, null, null, null, null, null, null);

    assertThat(policy.pollInterval()).isEqualTo(Duration.ofMinutes(3));
    assertThat(policy.syncTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.retryOrDefault().firstBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.retryOrDefault().maxRetries()).isEqualTo(5);
  }

  @Test
  void setFieldsAreParsedInGoNotation() {
    SyncPolicy policy = new SyncPolicy(true, null, null, null, "1h30m", "90s", 3, new SyncPolicy.Retry(0, "250ms"));

    assertThat(policy.pollInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(policy.syncTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(policy.retryOrDefault().firstBackoff()).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.retryOrDefault().maxRetries()).isZero();
  }

  @Test
  void aDurationThatDoesNotParseIsRefused() {
    SyncPolicy policy = new SyncPolicy(true, null, null, null, "90 seconds", null, null, null);

    assertThatThrownBy(policy::pollInterval).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecDurationTest {
  @Test
  void parsesGoNotation() {
    assertThat(SpecDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(SpecDuration.parse("3m")).isEqualTo(Duration.ofMinutes(3));
    assertThat(SpecDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(SpecDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(SpecDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(SpecDuration.parse("0")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "3", "3 m", "-1s", "1d", "m", "1h x"})
  void refusesWhatGoRefusesOrWeDoNotAllow(String text) {
    assertThatThrownBy(() -> SpecDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration \"" + text + "\"");
  }
}

package dev.capstan.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapstanExceptionTest {
  @Test
  void messageStartsWithThePlace() {
    var e = new CapstanException("templates/web.yaml:14:9", "unknown macro \"fulname\"");
    assertThat(e.getMessage()).isEqualTo("templates/web.yaml:14:9: unknown macro \"fulname\"");
    assertThat(e.where()).isEqualTo("templates/web.yaml:14:9");
  }

  @Test
  void noPlaceMeansJustTheMessage() {
    assertThat(new CapstanException(null, "boom").getMessage()).isEqualTo("boom");
  }
}

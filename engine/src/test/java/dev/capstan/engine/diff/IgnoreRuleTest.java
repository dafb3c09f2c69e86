package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.resource.ObjectRef;
import org.junit.jupiter.api.Test;

class IgnoreRuleTest {
  private static final ObjectRef DEPLOYMENT = new ObjectRef("apps/v1", "Deployment", "shop", "web");
  private static final ObjectRef SERVICE = new ObjectRef("v1", "Service", "shop", "web");

  @Test
  void groupIsOptionalAndMatchesExactlyWhenGiven() {
    assertThat(IgnoreRule.parse("apps/Deployment:/spec/replicas").appliesTo(DEPLOYMENT)).isTrue();
    assertThat(IgnoreRule.parse("Deployment:/spec/replicas").appliesTo(DEPLOYMENT)).isTrue();
    assertThat(IgnoreRule.parse("extensions/Deployment:/spec/replicas").appliesTo(DEPLOYMENT)).isFalse();
    assertThat(IgnoreRule.parse("/Service:/spec/clusterIP").appliesTo(SERVICE)).isTrue();
    assertThat(IgnoreRule.parse("*:/metadata/labels/version").appliesTo(SERVICE)).isTrue();
  }

  @Test
  void malformedRulesAreOneLineErrors() {
    assertThatThrownBy(() -> IgnoreRule.parse("spec.replicas"))
        .hasMessage("ignore rule \"spec.replicas\": expected [group/]Kind:/json/pointer");
    assertThatThrownBy(() -> IgnoreRule.parse("Deployment:spec/replicas"))
        .hasMessageStartingWith("ignore rule \"Deployment:spec/replicas\": invalid JSON Pointer");
  }
}

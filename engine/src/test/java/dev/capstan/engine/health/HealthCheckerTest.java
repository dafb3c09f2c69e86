package dev.capstan.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthCheckerTest {
  private final HealthChecker checker = new HealthChecker();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      deployment-healthy                     | HEALTHY     |
      deployment-progressing                 | PROGRESSING | Deployment web: 1/3 replicas available
      deployment-unobserved                  | PROGRESSING | Deployment web: waiting for the controller to observe the new spec
      deployment-degraded                    | DEGRADED    | Deployment web: ReplicaSet "web-7d9" has timed out progressing.
      deployment-paused                      | SUSPENDED   | Deployment web: rollout paused
      deployment-maxunavailable              | HEALTHY     |
      statefulset-progressing                | PROGRESSING | StatefulSet db: 1/2 replicas ready
      daemonset-healthy                      | HEALTHY     |
      job-complete                           | HEALTHY     |
      job-failed                             | DEGRADED    | Job migrate: failed: Job has reached the specified backoff limit
      job-running                            | PROGRESSING | Job migrate: 0/1 completions, 1 running
      pod-crashloop                          | DEGRADED    | Pod web-1: container app has CrashLoopBackOff
      pod-ready                              | HEALTHY     |
      persistentvolumeclaim-pending          | PROGRESSING | PersistentVolumeClaim data: Pending
      persistentvolumeclaim-bound            | HEALTHY     |
      service-loadbalancer-pending           | PROGRESSING | Service web: waiting for a load balancer address
      service-loadbalancer-ready             | HEALTHY     |
      customresourcedefinition-established   | HEALTHY     |
      customresourcedefinition-pending       | PROGRESSING | CustomResourceDefinition widgets.example.com: not established yet
      widget-stalled                         | DEGRADED    | Widget w: stalled: quota exceeded
      widget-notready                        | PROGRESSING | Widget w: Ready is False: waiting for database
      configmap-plain                        | HEALTHY     |
      """)
  void judgesEachKind(String fixture, HealthStatus status, String message) {
    Health health = checker.check(Fixtures.load("health/" + fixture + ".yaml"));

    assertThat(health.status()).isEqualTo(status);
    assertThat(health.message()).isEqualTo(message == null ? "" : message);
  }

  @Test
  void absentObjectsAreMissing() {
    assertThat(checker.check(null).status()).isEqualTo(HealthStatus.MISSING);
  }

  @Test
  void statusesAreOrderedFromHealthyToDegraded() {
    assertThat(HealthStatus.DEGRADED.isWorseThan(HealthStatus.MISSING)).isTrue();
    assertThat(HealthStatus.MISSING.isWorseThan(HealthStatus.PROGRESSING)).isTrue();
    assertThat(HealthStatus.PROGRESSING.isWorseThan(HealthStatus.SUSPENDED)).isTrue();
    assertThat(HealthStatus.SUSPENDED.isWorseThan(HealthStatus.HEALTHY)).isTrue();
    assertThat(HealthStatus.HEALTHY.isWorseThan(HealthStatus.HEALTHY)).isFalse();
  }
}

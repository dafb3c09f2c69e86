/**
 * Health per kind, one class each, with an ordered {@link dev.capstan.engine.health.HealthStatus}
 * ({@code Healthy < Suspended < Progressing < Missing < Degraded}): Deployments, StatefulSets,
 * DaemonSets and ReplicaSets are healthy when rolled out (observedGeneration caught up, replicas
 * updated and available within maxUnavailable), Jobs when complete (failed is degraded), Pods when
 * ready, PersistentVolumeClaims when bound, LoadBalancer Services when they have an address, CRDs
 * when established, and anything else by the {@code status.conditions} convention (objects without
 * status are healthy once they exist). {@link dev.capstan.engine.health.HealthWaiter} waits on
 * informers, not polling, and reports what holds it up ({@code Deployment web: 1/3 replicas available}).
 */
package dev.capstan.engine.health;

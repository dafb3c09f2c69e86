package dev.capstan.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.diff.DiffAction;
import dev.capstan.engine.diff.DiffPrinter;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.ObjectComparison;
import dev.capstan.engine.diff.ObjectDiff;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness for the diff (not part of {@code verify}: the name matches neither
 * {@code *Test} nor {@code *IT}); docs/performance.md has the command. Times the comparison of
 * 5,000 live Deployments (server defaults, managed fields, status) with what they would become,
 * 1% changed: normalisation, comparison, masking and the printed unified diff. Asserts behaviour,
 * never timings.
 */
class DiffBench {
  @Test
  void diffOfFiveThousandObjects() {
    List<Map<String, Object>> live = new ArrayList<>();
    List<Map<String, Object>> predicted = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      live.add(deployment(i, "shop:1"));
      predicted.add(deployment(i, i % 100 == 0 ? "shop:2" : "shop:1"));
    }
    ObjectComparison comparison = new ObjectComparison(List.of());
    long[] millis = new long[15];
    for (int round = 0; round < millis.length; round++) {
      long start = System.nanoTime();
      List<ObjectDiff> diffs = new ArrayList<>(live.size());
      for (int i = 0; i < live.size(); i++) {
        diffs.add(comparison.compare(ObjectRef.of(live.get(i)), live.get(i), predicted.get(i)));
      }
      String printed = DiffPrinter.unified(new DiffReport(diffs), false);
      millis[round] = (System.nanoTime() - start) / 1_000_000;
      assertThat(new DiffReport(diffs).refs(DiffAction.CHANGED)).hasSize(50);
      assertThat(printed).contains("+        - image: shop:2");
    }
    long[] warm = Arrays.copyOfRange(millis, 5, millis.length);
    Arrays.sort(warm);
    System.out.printf("BENCH diff 5000 objects: first run %d ms, warm median %d ms (min %d, max %d)%n",
        millis[0], warm[warm.length / 2], warm[0], warm[warm.length - 1]);
  }

  private static Map<String, Object> deployment(int i, String image) {
    return Fixtures.yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-%1$d
          namespace: bench
          uid: 7f0c-%1$d
          resourceVersion: "%1$d"
          generation: 4
          creationTimestamp: "2026-01-01T00:00:00Z"
          labels: {app: web-%1$d, app.kubernetes.io/managed-by: capstan}
          annotations: {capstan.dev/release: bench/web, deployment.kubernetes.io/revision: "4"}
          managedFields:
          - {manager: capstan, operation: Apply, apiVersion: apps/v1, fieldsType: FieldsV1, fieldsV1: {f:spec: {f:replicas: {}}}}
        spec:
          replicas: 3
          revisionHistoryLimit: 10
          progressDeadlineSeconds: 600
          selector: {matchLabels: {app: web-%1$d}}
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%%, maxUnavailable: 25%%}}
          template:
            metadata: {labels: {app: web-%1$d}}
            spec:
              containers:
              - name: app
                image: "%2$s"
                imagePullPolicy: IfNotPresent
                ports: [{containerPort: 8080, protocol: TCP}]
                resources: {limits: {cpu: "1", memory: 1Gi}, requests: {cpu: 100m, memory: 128Mi}}
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
              dnsPolicy: ClusterFirst
              restartPolicy: Always
              schedulerName: default-scheduler
              terminationGracePeriodSeconds: 30
        status: {observedGeneration: 4, replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3}
        """.formatted(i, image));
  }
}

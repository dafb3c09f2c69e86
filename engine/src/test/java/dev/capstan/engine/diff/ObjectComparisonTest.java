package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.testing.Fixtures;
import dev.capstan.testsupport.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectComparisonTest {
  private static final String LIVE_DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        uid: 0b5c
        resourceVersion: "4711"
        generation: 3
        creationTimestamp: "2026-01-01T00:00:00Z"
        annotations: {deployment.kubernetes.io/revision: "3"}
        managedFields: [{manager: capstan, operation: Apply}]
      spec:
        replicas: 5
        template:
          spec:
            containers:
            - name: app
              image: shop:1.0
              imagePullPolicy: IfNotPresent
              resources: {limits: {cpu: "1", memory: 1Gi}}
              ports: [{containerPort: 8080, protocol: TCP}]
      status: {replicas: 5}
      """;

  private final ObjectComparison comparison = new ObjectComparison(List.of());

  private static ObjectRef web() {
    return new ObjectRef("apps/v1", "Deployment", "shop", "web");
  }

  @Test
  void serverOwnedFieldsAreNoDifference() {
    Map<String, Object> live = Fixtures.yaml(LIVE_DEPLOYMENT);
    Map<String, Object> predicted = Fixtures.yaml(LIVE_DEPLOYMENT.replace("\"4711\"", "\"4712\"").replace("replicas: 5}", "replicas: 4}"));

    assertThat(comparison.compare(web(), live, predicted).action()).isEqualTo(DiffAction.UNCHANGED);
  }

  @Test
  void fieldsTheManifestNeverSetAreNotCompared() {
    Map<String, Object> desired = Fixtures.yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: "5"
          template:
            spec:
              containers:
              - name: app
                image: shop:1.0
                resources: {limits: {cpu: 1000m, memory: 1024Mi}}
                ports: [{containerPort: "8080"}]
        """);

    Map<String, Object> live = Fixtures.yaml(LIVE_DEPLOYMENT);
    assertThat(comparison.drifted(live, ApplyPrediction.local(desired, live))).isFalse();
    Map<String, Object> newImage = Fixtures.yaml(LIVE_DEPLOYMENT.replace("shop:1.0", "shop:2.0"));
    assertThat(comparison.drifted(live, ApplyPrediction.local(newImage, live))).isTrue();
  }

  @Test
  void ignoreRulesDropFieldsForTheirKindOnly() {
    ObjectComparison ignoring = new ObjectComparison(List.of(IgnoreRule.parse("apps/Deployment:/spec/replicas")));
    Map<String, Object> live = Fixtures.yaml(LIVE_DEPLOYMENT);
    Map<String, Object> predicted = Fixtures.yaml(LIVE_DEPLOYMENT.replace("replicas: 5\n", "replicas: 2\n"));

    assertThat(ignoring.compare(web(), live, predicted).action()).isEqualTo(DiffAction.UNCHANGED);
    assertThat(comparison.compare(web(), live, predicted).action()).isEqualTo(DiffAction.CHANGED);
  }

  @Test
  void changedDeploymentPrintsAsUnifiedYamlDiff() {
    Map<String, Object> live = Fixtures.yaml(LIVE_DEPLOYMENT);
    Map<String, Object> predicted = Fixtures.yaml(LIVE_DEPLOYMENT.replace("shop:1.0", "shop:1.1"));
    ObjectDiff diff = comparison.compare(web(), live, predicted);

    assertThat(diff.action()).isEqualTo(DiffAction.CHANGED);
    Golden.assertMatches("diff/deployment-changed.diff", DiffPrinter.unified(new DiffReport(List.of(diff)), false));
  }

  @Test
  void secretValuesAreNeverPrinted() {
    Map<String, Object> live = Fixtures.yaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop}
        type: Opaque
        data: {password: aHVudGVyMg==, user: YWRtaW4=, old: b2xk}
        """);
    Map<String, Object> desired = Fixtures.yaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop}
        type: Opaque
        data: {user: YWRtaW4=}
        stringData: {password: s3cr3t-n3w, token: brand-new}
        """);
    ObjectDiff diff = comparison.compare(new ObjectRef("v1", "Secret", "shop", "db"), live, desired);
    String printed = DiffPrinter.unified(new DiffReport(List.of(diff)), false);

    assertThat(diff.action()).isEqualTo(DiffAction.CHANGED);
    assertThat(printed).doesNotContain("aHVudGVyMg==", "hunter2", "s3cr3t", "YWRtaW4=", "admin", "brand-new", "b2xk",
        "czNjcjN0", "YnJhbmQ");
    Golden.assertMatches("diff/secret-masked.diff", printed);
  }

  @Test
  void addedAndPrunedObjectsShowOneSide() {
    Map<String, Object> configMap = Fixtures.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, namespace: shop}\ndata: {a: '1'}\n");
    ObjectRef ref = ObjectRef.of(configMap);
    DiffReport report = new DiffReport(List.of(
        comparison.compare(ref, null, configMap),
        comparison.compare(ref.withNamespace("old"), configMap, null)));

    assertThat(report.refs(DiffAction.ADDED)).containsExactly(ref);
    assertThat(report.refs(DiffAction.PRUNED)).containsExactly(ref.withNamespace("old"));
    assertThat(report.inSync()).isFalse();
    Golden.assertMatches("diff/added-and-pruned.diff", DiffPrinter.unified(report, false));
    Golden.assertMatches("diff/added-and-pruned.json", DiffPrinter.json(report));
  }

  @Test
  void colourIsOnlyAddedWhenAsked() {
    Map<String, Object> configMap = Fixtures.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, namespace: shop}\n");
    DiffReport report = new DiffReport(List.of(comparison.compare(ObjectRef.of(configMap), null, configMap)));

    assertThat(DiffPrinter.unified(report, true)).contains("\u001b[32m+kind: ConfigMap\u001b[0m");
    assertThat(DiffPrinter.unified(report, false)).doesNotContain("\u001b[");
  }
}

package dev.capstan.engine.diff;

import static dev.capstan.engine.testing.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.plan.Planner;
import dev.capstan.engine.release.Sync;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Diff through server-side apply dry-run against a real API server. */
@KubeApiServerTest
class DifferIT {
  KubernetesClient client;
  KubeEnv env;

  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: %1$s}
      spec:
        replicas: 2
        selector: {matchLabels: {app: %1$s}}
        template:
          metadata: {labels: {app: %1$s}}
          spec:
            containers:
            - name: app
              image: "%2$s"
              resources: {limits: {cpu: "1", memory: 1024Mi}}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: %1$s-db}
      stringData: {password: "%3$s", user: admin}
      ---
      """;

  private DesiredState app(String name, String image, String password) {
    return release(name, env.namespace(), APP.formatted(name, image, password));
  }

  private DiffReport diff(DesiredState desired, List<ObjectRef> previous) {
    Cluster cluster = new Cluster(client);
    return new Differ(cluster, DiffOptions.defaults()).diff(new Planner(cluster).plan(desired), previous);
  }

  private List<ObjectRef> deployedInventory(String release) {
    return new SecretReleaseStore(client).deployed(env.namespace(), release).orElseThrow().manifests().stream()
        .map(m -> ObjectRef.of(m.object())).toList();
  }

  @Test
  void aFreshlyAppliedReleaseIsInSyncDespiteServerDefaults() {
    new Sync(new Cluster(client), new SecretReleaseStore(client), SyncOptions.defaults(), p -> { })
        .run(app("insync", "shop:1", "hunter2"));

    DiffReport report = diff(app("insync", "shop:1", "hunter2"), deployedInventory("insync"));

    assertThat(report.inSync()).as(DiffPrinter.unified(report, false)).isTrue();
  }

  @Test
  void changesAreShownAndSecretValuesMasked() {
    new Sync(new Cluster(client), new SecretReleaseStore(client), SyncOptions.defaults(), p -> { })
        .run(app("changed", "shop:1", "hunter2"));

    DiffReport report = diff(app("changed", "shop:2", "correct-horse"), deployedInventory("changed"));
    String printed = DiffPrinter.unified(report, false);

    String ns = env.namespace();
    assertThat(report.refs(DiffAction.CHANGED)).containsExactlyInAnyOrder(
        new ObjectRef("apps/v1", "Deployment", ns, "changed"), new ObjectRef("v1", "Secret", ns, "changed-db"));
    assertThat(printed).contains("--- live apps/v1 Deployment " + ns + "/changed", "+++ desired apps/v1 Deployment " + ns + "/changed",
        "-        - image: shop:1", "+        - image: shop:2",
        "-  password: \"*** (masked, before)\"", "+  password: \"*** (masked, after)\"", "  user: '*** (masked)'");
    assertThat(printed).doesNotContain("hunter2", "correct-horse", "aHVudGVyMg", "Y29ycmVjdC1ob3Jz", "YWRtaW4");
    assertThat(new SecretReleaseStore(client).list(ns, "changed")).hasSize(1);
  }

  @Test
  void objectsNoLongerRenderedAreReportedAsPruned() {
    new Sync(new Cluster(client), new SecretReleaseStore(client), SyncOptions.defaults(), p -> { })
        .run(app("shrink", "shop:1", "pw"));

    DiffReport report = diff(release("shrink", env.namespace(), APP.formatted("shrink", "shop:1", "pw").split("---")[0]),
        deployedInventory("shrink"));

    assertThat(report.refs(DiffAction.PRUNED)).containsExactly(new ObjectRef("v1", "Secret", env.namespace(), "shrink-db"));
    assertThat(report.refs(DiffAction.UNCHANGED)).containsExactly(new ObjectRef("apps/v1", "Deployment", env.namespace(), "shrink"));
  }

  @Test
  void newObjectsAreAdded() {
    DiffReport report = diff(app("fresh", "shop:1", "pw"), List.of());

    assertThat(report.refs(DiffAction.ADDED)).hasSize(2);
    assertThat(DiffPrinter.unified(report, false)).doesNotContain("pw\n");
  }
}

package dev.capstan.engine.release;

import static dev.capstan.engine.testing.Releases.configMap;
import static dev.capstan.engine.testing.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.ConflictException;
import dev.capstan.engine.history.InMemoryReleaseStore;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.history.StoredManifest;
import dev.capstan.engine.plan.Ownership.OwnershipException;
import dev.capstan.engine.resource.Action;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.testing.Fixtures;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Install, upgrade, prune, ownership, conflicts and history against a real API server. */
@KubeApiServerTest
class SyncIT {
  KubernetesClient client;
  KubeEnv env;

  private Sync sync(ReleaseStore store, SyncOptions options) {
    return new Sync(new Cluster(client), store, options, p -> { });
  }

  private ConfigMap configMapNamed(String name) {
    return client.configMaps().inNamespace(env.namespace()).withName(name).get();
  }

  @Test
  void installsThenUpgradesWithAChangedValue() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    sync(store, SyncOptions.defaults()).run(release("web", ns, Map.of("greeting", "hello"), configMap("web-config", "hello")));

    ConfigMap live = configMapNamed("web-config");
    assertThat(live.getData()).containsEntry("value", "hello");
    assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "capstan");
    assertThat(live.getMetadata().getAnnotations()).containsEntry("capstan.dev/release", ns + "/web");
    assertThat(live.getMetadata().getManagedFields()).anyMatch(m -> m.getManager().equals("capstan") && m.getOperation().equals("Apply"));

    SyncResult upgrade = sync(store, SyncOptions.defaults())
        .run(release("web", ns, Map.of("greeting", "bonjour"), configMap("web-config", "bonjour")));

    assertThat(configMapNamed("web-config").getData()).containsEntry("value", "bonjour");
    assertThat(upgrade.changes().changes()).extracting(c -> c.action()).containsExactly(Action.CONFIGURED);
    assertThat(store.list(ns, "web")).extracting(ReleaseRevision::number, ReleaseRevision::status, ReleaseRevision::description)
        .containsExactly(tuple(1, RevisionStatus.SUPERSEDED, "Install complete"), tuple(2, RevisionStatus.DEPLOYED, "Upgrade complete"));
    assertThat(store.get(ns, "web", 2).orElseThrow().values()).containsEntry("greeting", "bonjour");
  }

  @Test
  void reapplyingAnUnchangedReleaseRecordsNothingNew() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    var desired = release("same", ns, configMap("same-a", "1") + configMap("same-b", "2"));
    sync(store, SyncOptions.defaults()).run(desired);
    String resourceVersion = configMapNamed("same-a").getMetadata().getResourceVersion();

    SyncResult again = sync(store, SyncOptions.defaults()).run(desired);

    assertThat(again.changes().writes()).isZero();
    assertThat(again.revision().number()).isEqualTo(1);
    assertThat(store.list(ns, "same")).hasSize(1);
    assertThat(configMapNamed("same-a").getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
  }

  @Test
  void driftIsRepairedOnTheNextSync() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    var desired = release("drift", ns, configMap("drift-config", "wanted"));
    sync(store, SyncOptions.defaults()).run(desired);
    client.configMaps().inNamespace(ns).withName("drift-config").edit(cm -> {
      cm.getData().put("value", "edited by hand");
      return cm;
    });

    sync(store, SyncOptions.defaults().withForceConflicts(true)).run(desired);

    assertThat(configMapNamed("drift-config").getData()).containsEntry("value", "wanted");
  }

  @Test
  void prunesWhatIsNoLongerRenderedButKeepsPruneDisabled() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    String kept = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prune-kept\n  annotations: {capstan.dev/prune: disabled}\n---\n";
    sync(store, SyncOptions.defaults()).run(release("prune", ns, configMap("prune-a", "1") + configMap("prune-b", "1") + kept));

    SyncResult result = sync(store, SyncOptions.defaults()).run(release("prune", ns, configMap("prune-a", "1")));

    assertThat(configMapNamed("prune-a")).isNotNull();
    assertThat(configMapNamed("prune-b")).isNull();
    assertThat(configMapNamed("prune-kept")).isNotNull();
    assertThat(result.changes().refs(Action.DELETED)).containsExactly(new ObjectRef("v1", "ConfigMap", ns, "prune-b"));
  }

  @Test
  void aSecondReleaseCannotTakeAnotherReleasesObject() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    sync(store, SyncOptions.defaults()).run(release("first", ns, configMap("shared-config", "first")));

    assertThatThrownBy(() -> sync(store, SyncOptions.defaults()).run(release("second", ns, configMap("shared-config", "second"))))
        .isInstanceOf(OwnershipException.class)
        .hasMessage("ConfigMap/" + ns + "/shared-config: belongs to release " + ns + "/first, not " + ns + "/second");

    ConfigMap live = configMapNamed("shared-config");
    assertThat(live.getData()).containsEntry("value", "first");
    assertThat(live.getMetadata().getAnnotations()).containsEntry("capstan.dev/release", ns + "/first");
    assertThat(store.list(ns, "second")).as("checked before anything, history included, is written").isEmpty();
  }

  @Test
  void refusesToAdoptAnObjectNobodyManages() {
    String ns = env.namespace();
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("by-hand").endMetadata()
        .addToData("value", "mine").build()).create();

    assertThatThrownBy(() -> sync(new InMemoryReleaseStore(), SyncOptions.defaults()).run(release("adopt", ns, configMap("by-hand", "x"))))
        .hasMessageContaining("ConfigMap/" + ns + "/by-hand: already exists and is not managed by Capstan");
    assertThat(configMapNamed("by-hand").getData()).containsEntry("value", "mine");
  }

  @Test
  void aFieldOwnedByAnotherManagerIsAConflictUnlessForced() {
    String ns = env.namespace();
    InMemoryReleaseStore store = new InMemoryReleaseStore();
    sync(store, SyncOptions.defaults()).run(release("conflict", ns, configMap("conflict-config", "capstan")));
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("conflict-config").endMetadata()
        .addToData("value", "other").build()).fieldManager("other-tool").forceConflicts().serverSideApply();

    assertThatThrownBy(() -> sync(store, SyncOptions.defaults()).run(release("conflict", ns, configMap("conflict-config", "capstan-2"))))
        .hasCauseInstanceOf(ConflictException.class)
        .hasMessageContaining("ConfigMap/" + ns + "/conflict-config: field .data.value is owned by field manager \"other-tool\"");
    assertThat(configMapNamed("conflict-config").getData()).containsEntry("value", "other");

    sync(store, SyncOptions.defaults().withForceConflicts(true)).run(release("conflict", ns, configMap("conflict-config", "capstan-2")));
    assertThat(configMapNamed("conflict-config").getData()).containsEntry("value", "capstan-2");
  }

  @Test
  void historyKeepsOnlyTheLimit() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    for (int i = 1; i <= 5; i++) {
      sync(store, SyncOptions.defaults().withHistoryLimit(3)).run(release("limited", ns, configMap("limited-config", "v" + i)));
    }

    assertThat(store.list(ns, "limited")).extracting(ReleaseRevision::number).containsExactly(3, 4, 5);
    assertThat(client.secrets().inNamespace(ns).withLabel("name", "limited").list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .containsExactlyInAnyOrder("capstan.release.v1.limited.v3", "capstan.release.v1.limited.v4", "capstan.release.v1.limited.v5");
  }

  @Test
  void rollbackCreatesANewRevisionWithRevisionOnesContent() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    sync(store, SyncOptions.defaults()).run(release("back", ns, configMap("back-config", "one")));
    sync(store, SyncOptions.defaults()).run(release("back", ns, configMap("back-config", "two") + configMap("back-extra", "two")));

    SyncResult result = new Rollback(new Cluster(client), store, SyncOptions.defaults(), p -> { }).run(ns, "back", 1);

    assertThat(result.revision().number()).isEqualTo(3);
    assertThat(configMapNamed("back-config").getData()).containsEntry("value", "one");
    assertThat(configMapNamed("back-extra")).isNull();
    assertThat(store.list(ns, "back")).extracting(ReleaseRevision::number, ReleaseRevision::status, ReleaseRevision::description).containsExactly(
        tuple(1, RevisionStatus.SUPERSEDED, "Install complete"),
        tuple(2, RevisionStatus.SUPERSEDED, "Upgrade complete"),
        tuple(3, RevisionStatus.DEPLOYED, "Rollback to 1 complete"));
  }

  @Test
  void aPendingRevisionLeftByACrashIsRecordedAndItsObjectsPruned() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    sync(store, SyncOptions.defaults()).run(release("crash", ns, configMap("crash-config", "one")));
    // What a process killed half-way through revision 2 leaves: a pending record and one object applied.
    Map<String, Object> halfApplied = Fixtures.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crash-extra\n  namespace: " + ns
        + "\n  labels: {app.kubernetes.io/managed-by: capstan}\n  annotations: {capstan.dev/release: " + ns + "/crash}\ndata: {value: two}\n");
    new Cluster(client).apply(halfApplied, dev.capstan.engine.cluster.ApplyMode.defaults());
    ReleaseRevision first = store.get(ns, "crash", 1).orElseThrow();
    store.create(new ReleaseRevision(ns, "crash", 2, Instant.now(), RevisionStatus.PENDING, "crash", "1.0.0", Map.of(),
        List.of(new StoredManifest("crash/templates/extra.yaml", halfApplied)), null, "Upgrade in progress", ""));

    sync(store, SyncOptions.defaults()).run(release("crash", ns, configMap("crash-config", "three")));

    assertThat(configMapNamed("crash-extra")).isNull();
    assertThat(configMapNamed("crash-config").getData()).containsEntry("value", "three");
    assertThat(store.list(ns, "crash")).extracting(ReleaseRevision::number, ReleaseRevision::status).containsExactly(
        tuple(1, RevisionStatus.SUPERSEDED), tuple(2, RevisionStatus.FAILED), tuple(3, RevisionStatus.DEPLOYED));
    assertThat(store.get(ns, "crash", 2).orElseThrow().description()).isEqualTo("Interrupted before it finished; superseded by revision 3");
    assertThat(first.status()).isEqualTo(RevisionStatus.DEPLOYED);
  }

  @Test
  void uninstallDeletesObjectsAndHistory() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    String kept = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone-kept\n  annotations: {capstan.dev/prune: disabled}\n---\n";
    sync(store, SyncOptions.defaults()).run(release("gone", ns, configMap("gone-config", "1") + kept));

    var deleted = new Uninstall(new Cluster(client), store).run(ns, "gone");

    assertThat(configMapNamed("gone-config")).isNull();
    assertThat(configMapNamed("gone-kept")).isNotNull();
    assertThat(deleted.refs(Action.DELETED)).containsExactly(new ObjectRef("v1", "ConfigMap", ns, "gone-config"));
    assertThat(store.list(ns, "gone")).isEmpty();
  }

  @Test
  void aDryRunValidatesWithTheServerButChangesAndRecordsNothing() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();

    SyncResult result = sync(store, SyncOptions.defaults().withDryRun(true)).run(release("dry", ns, configMap("dry-config", "1")));

    assertThat(result.changes().refs(Action.CREATED)).containsExactly(new ObjectRef("v1", "ConfigMap", ns, "dry-config"));
    assertThat(configMapNamed("dry-config")).isNull();
    assertThat(store.list(ns, "dry")).isEmpty();
    String invalid = "apiVersion: v1\nkind: Service\nmetadata: {name: dry-svc}\nspec:\n  ports: [{port: 99999}]\n";
    assertThatThrownBy(() -> sync(store, SyncOptions.defaults().withDryRun(true)).run(release("dry", ns, invalid)))
        .hasMessageStartingWith("Service/" + ns + "/dry-svc: dry-run apply failed:");
  }
}

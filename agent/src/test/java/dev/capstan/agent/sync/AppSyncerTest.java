package dev.capstan.agent.sync;

import static dev.capstan.agent.sync.FakeWorld.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.agent.sync.PassResult.Outcome;
import dev.capstan.engine.history.RevisionStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AppSyncer's decision table, one row per situation, against Git, charts and a cluster in memory.
 * Each row sets the scene (earlier passes, commits, failures, edits by hand), runs one pass with a
 * trigger, and checks what a user sees: the outcome, the status published, whether anything was
 * applied or rendered, and the Events recorded by that pass.
 */
class AppSyncerTest {
  private static final String AUTO = "syncPolicy: {automated: true, interval: 1h}";
  private static final String SELF_HEAL = "syncPolicy: {automated: true, selfHeal: true, interval: 1h}";
  private static final String NOT_AUTOMATED = "syncPolicy: {interval: 1h}";
  private static final AgentPolicy FENCED = AgentPolicy.permissive().withAllowedClusterKinds(List.of("Namespace"));

  /** Which commit the published sync status names. */
  enum Rev { NONE, FIRST, HEAD }

  /** What the pass under test must leave; {@code upgrades}, {@code renders} and {@code events} count that pass only. */
  record Expect(Outcome outcome, SyncState sync, Rev revision, String ready, int upgrades, int renders, List<String> events) {}

  record Row(String name, AgentPolicy policy, String spec, Consumer<Scene> given, SyncTrigger trigger, boolean mayApply, Expect expect,
      Consumer<Scene> then) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        row("an invalid spec is stalled and nothing is fetched or applied", "syncPolicy: {automated: true, interval: 90 seconds}",
            s -> { }, SyncTrigger.SPEC,
            new Expect(Outcome.INVALID, SyncState.UNKNOWN, Rev.NONE, "False InvalidSpec", 0, 0, List.of()),
            s -> {
              assertThat(condition(s.status(), StatusConditions.STALLED)).startsWith("True InvalidSpec")
                  .contains("spec.syncPolicy.interval: invalid duration \"90 seconds\"");
              assertThat(s.world.git.fetches()).isZero();
            }),
        row("a suspended app is not fetched", "suspend: true\n" + AUTO, s -> { }, SyncTrigger.POLL,
            new Expect(Outcome.SUSPENDED, SyncState.UNKNOWN, Rev.NONE, "False Suspended", 0, 0, List.of()),
            s -> assertThat(s.world.git.fetches()).isZero()),
        row("a manual sync runs a suspended app", "suspend: true\n" + AUTO, s -> { }, SyncTrigger.MANUAL,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")), s -> { }),
        row("the first pass applies Git's head and announces it", AUTO, s -> { }, SyncTrigger.SPEC,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")),
            s -> {
              assertThat(s.world.reported.commitStatuses()).containsExactly("PENDING", "SUCCESS");
              assertThat(s.status().history()).singleElement().satisfies(h -> assertThat(h.gitRevision()).isEqualTo(s.first));
              assertThat(s.status().healthState().label()).isEqualTo("Healthy");
            }),
        row("a poll with the same commit and spec renders nothing", AUTO, Scene::synced, SyncTrigger.POLL,
            new Expect(Outcome.UNCHANGED, SyncState.SYNCED, Rev.FIRST, "True Synced", 0, 0, List.of()), s -> { }),
        row("a new commit is applied", AUTO, s -> s.synced().commit("v2"), SyncTrigger.POLL,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")),
            s -> assertThat(s.world.cluster.liveMessage("shop", "shop-config")).isEqualTo("v2")),
        row("a new commit that leaves the app's folder alone is not applied", AUTO,
            s -> {
              s.synced().commit("docs only");
              s.world.git.pathChanged(false);
            }, SyncTrigger.POLL,
            new Expect(Outcome.UNCHANGED, SyncState.SYNCED, Rev.FIRST, "True Synced", 0, 0, List.of()), s -> { }),
        row("when Git is unreachable the last good revision stays", AUTO,
            s -> s.synced().world.git.unreachable(REPO, "connection refused"), SyncTrigger.POLL,
            new Expect(Outcome.FAILED, SyncState.SYNCED, Rev.FIRST, "False GitFetchFailed", 0, 0, List.of()),
            s -> assertThat(condition(s.status(), StatusConditions.READY)).contains("the last good revision stays in force")),
        row("a commit that does not render is reported and nothing is applied", AUTO,
            s -> s.synced().world.charts.breakAt(s.commit("v2"), "unknown macro \"fulname\""), SyncTrigger.POLL,
            new Expect(Outcome.FAILED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False RenderFailed", 0, 1, List.of()),
            s -> assertThat(s.world.cluster.liveMessage("shop", "shop-config")).isEqualTo("v1")),
        row("a failed apply is reported, announced and recorded", AUTO,
            s -> {
              s.synced().commit("v2");
              s.world.cluster.failNextUpgrade(RevisionStatus.FAILED, "Service/shop/web: port out of range");
            }, SyncTrigger.POLL,
            new Expect(Outcome.FAILED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False SyncFailed", 1, 1, List.of("Syncing", "SyncFailed")),
            s -> assertThat(s.world.reported.commitStatuses()).containsExactly("PENDING", "FAILURE")),
        row("an atomic apply that was rolled back says so", AUTO,
            s -> {
              s.synced().commit("v2");
              s.world.cluster.failNextUpgrade(RevisionStatus.ROLLED_BACK, "timed out waiting for Deployment/shop/web");
            }, SyncTrigger.POLL,
            new Expect(Outcome.FAILED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False SyncFailed", 1, 1,
                List.of("Syncing", "SyncFailed", "RolledBack")), s -> { }),
        row("a commit whose apply failed is not retried by a poll", AUTO, Scene::failedAtHead, SyncTrigger.POLL,
            new Expect(Outcome.UNCHANGED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False SyncFailed", 0, 0, List.of()), s -> { }),
        row("a commit whose apply failed is not retried by a push", AUTO, Scene::failedAtHead, SyncTrigger.PUSH,
            new Expect(Outcome.UNCHANGED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False SyncFailed", 0, 0, List.of()), s -> { }),
        row("a commit whose apply failed is retried when the back-off elapses", AUTO, Scene::failedAtHead, SyncTrigger.RETRY,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")), s -> { }),
        row("a commit whose apply failed is retried by a manual sync", AUTO, Scene::failedAtHead, SyncTrigger.MANUAL,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")), s -> { }),
        row("a commit whose apply failed is retried with a new spec", AUTO,
            s -> s.failedAtHead().respec("syncPolicy: {automated: true, interval: 1h}\nsource: {repoURL: \"" + REPO
                + "\", path: app, values: {replicas: 2}}"), SyncTrigger.SPEC,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")), s -> { }),
        row("an app without automated is compared, not applied", NOT_AUTOMATED, s -> { }, SyncTrigger.POLL,
            new Expect(Outcome.COMPARED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False OutOfSync", 0, 1, List.of()),
            s -> {
              assertThat(condition(s.status(), StatusConditions.READY)).contains("automated sync is off");
              assertThat(s.world.cluster.liveMessage("shop", "shop-config")).isNull();
            }),
        row("a commit already compared is not compared again", NOT_AUTOMATED, s -> s.pass(SyncTrigger.SPEC, true), SyncTrigger.POLL,
            new Expect(Outcome.UNCHANGED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False OutOfSync", 0, 0, List.of()), s -> { }),
        row("a manual sync applies an app without automated", NOT_AUTOMATED, s -> s.pass(SyncTrigger.SPEC, true), SyncTrigger.MANUAL,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Syncing", "Synced")), s -> { }),
        row("a deny window holds an automated app to comparing", AUTO, s -> { }, SyncTrigger.SPEC, false,
            new Expect(Outcome.COMPARED, SyncState.OUT_OF_SYNC, Rev.HEAD, "False OutOfSync", 0, 1, List.of()),
            s -> assertThat(s.world.cluster.liveMessage("shop", "shop-config")).isNull()),
        row("drift with selfHeal is put back", SELF_HEAL,
            s -> s.synced().world.cluster.editByHand("shop", "shop-config", "by-hand"), SyncTrigger.DRIFT,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.FIRST, "True Synced", 1, 0, List.of("DriftCorrected")),
            s -> {
              assertThat(s.world.cluster.liveMessage("shop", "shop-config")).isEqualTo("v1");
              assertThat(condition(s.status(), StatusConditions.READY)).contains("drift corrected").contains("ConfigMap/shop/shop-config");
            }),
        row("drift without selfHeal is reported and left alone", AUTO,
            s -> s.synced().world.cluster.editByHand("shop", "shop-config", "by-hand"), SyncTrigger.DRIFT, false,
            new Expect(Outcome.COMPARED, SyncState.OUT_OF_SYNC, Rev.FIRST, "False OutOfSync", 0, 0, List.of()),
            s -> {
              assertThat(s.world.cluster.liveMessage("shop", "shop-config")).isEqualTo("by-hand");
              assertThat(condition(s.status(), StatusConditions.READY)).contains("selfHeal is off");
            }),
        row("drift undone by hand is Synced again", AUTO,
            s -> {
              s.synced().world.cluster.editByHand("shop", "shop-config", "by-hand");
              s.pass(SyncTrigger.DRIFT, false);
              s.world.cluster.editByHand("shop", "shop-config", "v1");
            }, SyncTrigger.DRIFT, false,
            new Expect(Outcome.UNCHANGED, SyncState.SYNCED, Rev.FIRST, "True Synced", 0, 0, List.of()),
            s -> assertThat(condition(s.status(), StatusConditions.READY)).contains("matches what was applied again")),
        row("a watch event of the agent's own apply changes nothing", SELF_HEAL, Scene::synced, SyncTrigger.DRIFT,
            new Expect(Outcome.UNCHANGED, SyncState.SYNCED, Rev.FIRST, "True Synced", 0, 0, List.of()), s -> { }),
        new Row("objects outside the policy stall the app and nothing is applied", FENCED, AUTO,
            s -> s.world.charts.alsoRender("demo/templates/role.yaml",
                Map.of("apiVersion", "rbac.authorization.k8s.io/v1", "kind", "ClusterRole", "metadata", Map.of("name", "reader"))),
            SyncTrigger.SPEC, true,
            new Expect(Outcome.INVALID, SyncState.UNKNOWN, Rev.NONE, "False ForbiddenObjects", 0, 1, List.of()),
            s -> {
              assertThat(condition(s.status(), StatusConditions.STALLED)).startsWith("True ForbiddenObjects")
                  .contains("demo/templates/role.yaml (ClusterRole/reader): cluster-scoped kind ClusterRole is not allowed");
              assertThat(s.world.cluster.liveMessage("shop", "shop-config")).as("not even the allowed objects").isNull();
            }),
        row("the first pass after a restart adopts the deployed revision quietly", AUTO, Scene::deployedBeforeRestart,
            SyncTrigger.SPEC,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of()),
            s -> {
              assertThat(s.world.reported.commitStatuses()).isEmpty();
              assertThat(s.world.cluster.history("shop", "shop")).hasSize(1);
            }),
        row("after a restart, objects changed meanwhile are put back and that is announced", AUTO,
            s -> s.deployedBeforeRestart().world.cluster.editByHand("shop", "shop-config", "by-hand"), SyncTrigger.SPEC,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.HEAD, "True Synced", 1, 1, List.of("Synced")),
            s -> {
              assertThat(s.world.reported.commitStatuses()).containsExactly("SUCCESS");
              assertThat(s.world.cluster.history("shop", "shop")).hasSize(2);
            }),
        row("a new commit in the values repository syncs though the chart's did not move", TWO_SOURCES,
            s -> {
              s.world.git.commit(CONFIG, "values v1");
              s.synced();
              s.world.git.commit(CONFIG, "values v2");
            }, SyncTrigger.POLL,
            new Expect(Outcome.SYNCED, SyncState.SYNCED, Rev.FIRST, "True Synced", 1, 1, List.of("Syncing", "Synced")),
            s -> assertThat(s.record.sawCommit(s.world.git.head(CONFIG).sha())).as("a push of that commit needs no second look").isTrue()),
        row("the same commits in both repositories render nothing", TWO_SOURCES,
            s -> {
              s.world.git.commit(CONFIG, "values v1");
              s.synced();
            }, SyncTrigger.POLL,
            new Expect(Outcome.UNCHANGED, SyncState.SYNCED, Rev.FIRST, "True Synced", 0, 0, List.of()), s -> { }),
        row("a values repository that cannot be fetched fails the pass, naming it", TWO_SOURCES,
            s -> {
              s.world.git.commit(CONFIG, "values v1");
              s.synced();
              s.world.git.unreachable(CONFIG, "connection refused");
            }, SyncTrigger.POLL,
            new Expect(Outcome.FAILED, SyncState.SYNCED, Rev.FIRST, "False GitFetchFailed", 0, 0, List.of()),
            s -> assertThat(condition(s.status(), StatusConditions.READY)).contains("source values: ", "connection refused")),
        row("credentials a named source may not use stall the app, naming that source's secretRef", """
            sources:
              - {repoURL: "%s", path: app, valuesFiles: [$values/prod.yaml]}
              - {repoURL: "%s", name: values, secretRef: team-b}
            %s""".formatted(REPO, CONFIG, AUTO),
            s -> {
              s.world.git.commit(CONFIG, "values v1");
              s.synced();
              s.world.git.refuseCredentials(CONFIG, "key \"url\" binds these credentials to https://git.example.com:443/other");
            }, SyncTrigger.POLL,
            new Expect(Outcome.INVALID, SyncState.UNKNOWN, Rev.FIRST, "False CredentialsRefused", 0, 0, List.of()),
            s -> assertThat(condition(s.status(), StatusConditions.STALLED))
                .startsWith("True CredentialsRefused: source values: spec.sources[1].secretRef: ")
                .contains("binds these credentials to https://git.example.com:443/other")),
        row("valuesFrom in an agent run from files is an invalid spec", """
            source:
              repoURL: "%s"
              path: app
              valuesFrom: [{kind: ConfigMap, name: shop-values}]
            %s""".formatted(REPO, AUTO), s -> { }, SyncTrigger.SPEC,
            new Expect(Outcome.INVALID, SyncState.UNKNOWN, Rev.NONE, "False InvalidSpec", 0, 0, List.of()),
            s -> assertThat(condition(s.status(), StatusConditions.STALLED)).contains("spec.source.valuesFrom: reads ConfigMaps and Secrets")));
  }

  private static final String CONFIG = "https://git.example.com/config.git";
  private static final String TWO_SOURCES = """
      sources:
        - {repoURL: "%s", path: app, valuesFiles: [$values/prod.yaml]}
        - {repoURL: "%s", name: values}
      %s""".formatted(REPO, CONFIG, AUTO);

  private static Row row(String name, String spec, Consumer<Scene> given, SyncTrigger trigger, Expect expect, Consumer<Scene> then) {
    return new Row(name, AgentPolicy.permissive(), spec, given, trigger, true, expect, then);
  }

  private static Row row(String name, String spec, Consumer<Scene> given, SyncTrigger trigger, boolean mayApply, Expect expect,
      Consumer<Scene> then) {
    return new Row(name, AgentPolicy.permissive(), spec, given, trigger, mayApply, expect, then);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(Row row) {
    Scene scene = new Scene(new FakeWorld(row.policy()), FakeWorld.app("shop", row.spec()));
    row.given().accept(scene);
    scene.world.reported.clear();
    int upgradesBefore = scene.world.cluster.upgrades().size();
    int rendersBefore = scene.world.charts.renders();

    PassResult result = scene.pass(row.trigger(), row.mayApply());

    Expect expect = row.expect();
    assertThat(result.outcome()).isEqualTo(expect.outcome());
    assertThat(result.status()).as("the status published is the record's").isSameAs(scene.record.status());
    assertThat(scene.status().syncState()).isEqualTo(expect.sync());
    assertThat(scene.status().sync().revision()).isEqualTo(switch (expect.revision()) {
      case NONE -> null;
      case FIRST -> scene.first;
      case HEAD -> scene.world.git.head(REPO).sha();
    });
    assertThat(condition(scene.status(), StatusConditions.READY)).startsWith(expect.ready());
    assertThat(scene.world.cluster.upgrades().size() - upgradesBefore).as("upgrades run").isEqualTo(expect.upgrades());
    assertThat(scene.world.charts.renders() - rendersBefore).as("renders").isEqualTo(expect.renders());
    assertThat(scene.world.reported.events()).as("Events").containsExactlyElementsOf(expect.events());
    assertThat(result.retry()).isEqualTo(expect.outcome() == Outcome.FAILED);
    row.then().accept(scene);
  }

  private static String condition(ApplicationStatus status, String type) {
    return status.conditions().stream().filter(c -> c.getType().equals(type)).findFirst()
        .map(AppSyncerTest::describe).orElse("");
  }

  private static String describe(Condition c) {
    return c.getStatus() + " " + c.getReason() + ": " + c.getMessage();
  }

  /** One application in a world of fakes, with Git's head at a first commit {@code v1}. */
  static final class Scene {
    final FakeWorld world;
    final AppRecord record;
    final AppSyncer syncer;
    final String first;

    Scene(FakeWorld world, Application app) {
      this.world = world;
      this.record = new AppRecord(app);
      this.syncer = new AppSyncer(world.context());
      this.first = world.git.commit(REPO, "v1");
    }

    PassResult pass(SyncTrigger trigger, boolean mayApply) {
      return syncer.pass(record, trigger, mayApply);
    }

    ApplicationStatus status() {
      return record.status();
    }

    String commit(String subject) {
      return world.git.commit(REPO, subject);
    }

    Scene synced() {
      assertThat(pass(SyncTrigger.SPEC, true).outcome()).isEqualTo(Outcome.SYNCED);
      return this;
    }

    /** Synced at {@code v1}, then the apply of {@code v2} failed. */
    Scene failedAtHead() {
      synced().commit("v2");
      world.cluster.failNextUpgrade(RevisionStatus.FAILED, "Service/shop/web: port out of range");
      assertThat(pass(SyncTrigger.POLL, true).outcome()).isEqualTo(Outcome.FAILED);
      return this;
    }

    /** The Application gets a new spec, as an edit of the resource brings it. */
    void respec(String spec) {
      record.application(FakeWorld.app("shop", spec));
    }

    /** What the agent would render now was deployed by this agent before it restarted. */
    Scene deployedBeforeRestart() {
      world.cluster.deployedBefore(new FakeCharts().render(record.application(), world.git.head(REPO)));
      return this;
    }
  }
}

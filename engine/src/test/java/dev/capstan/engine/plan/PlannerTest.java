package dev.capstan.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
  /** Discovery as a small cluster answers it: these kinds are cluster-scoped, the rest namespaced. */
  private static final KindScopes SCOPES = ref -> {
    if (ref.kind().equals("Widget")) {
      throw new ObjectException(ref, "unknown kind");
    }
    return !Set.of("Namespace", "CustomResourceDefinition", "ClusterRole").contains(ref.kind());
  };

  private static DesiredObject object(String apiVersion, String kind, String name, Map<String, String> annotations) {
    String yaml = "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n";
    Map<String, Object> object = Fixtures.yaml(yaml);
    if (!annotations.isEmpty()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
      metadata.put("annotations", new java.util.LinkedHashMap<>(annotations));
    }
    return new DesiredObject("shop/templates/" + name + ".yaml", object);
  }

  private static DesiredState state(DesiredObject... objects) {
    return new DesiredState("shop", "prod", "shop", "1.0.0", Map.of(), List.of(objects), "", null);
  }

  private static List<String> ids(List<PlannedObject> objects) {
    return objects.stream().map(o -> o.ref().toString()).toList();
  }

  @Test
  void stagesPutCrdsAndNamespacesFirstThenWavesInKindOrder() {
    Plan plan = new Planner(SCOPES).plan(state(
        object("apps/v1", "Deployment", "web", Map.of()),
        object("v1", "ConfigMap", "late", Map.of("capstan.dev/sync-wave", "1")),
        object("v1", "Service", "web", Map.of()),
        object("v1", "Namespace", "extra", Map.of()),
        object("apps/v1", "Deployment", "early", Map.of("capstan.dev/sync-wave", "-1")),
        object("v1", "ConfigMap", "web", Map.of()),
        object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com", Map.of())));

    assertThat(plan.stages()).extracting(PlannerTest::ids).containsExactly(
        List.of("Namespace/extra", "CustomResourceDefinition/widgets.example.com"),
        List.of("Deployment/prod/early"),
        List.of("ConfigMap/prod/web", "Service/prod/web", "Deployment/prod/web"),
        List.of("ConfigMap/prod/late"));
  }

  @Test
  void defaultsNamespacesAndMarksOwnership() {
    Plan plan = new Planner(SCOPES).plan(state(
        object("v1", "ConfigMap", "web", Map.of()),
        object("rbac.authorization.k8s.io/v1", "ClusterRole", "reader", Map.of())));

    PlannedObject configMap = plan.objects().stream().filter(o -> o.ref().kind().equals("ConfigMap")).findFirst().orElseThrow();
    assertThat(configMap.ref()).isEqualTo(new ObjectRef("v1", "ConfigMap", "prod", "web"));
    assertThat(configMap.object()).extracting("metadata").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("labels", Map.of("app.kubernetes.io/managed-by", "capstan"))
        .containsEntry("annotations", Map.of("capstan.dev/release", "prod/shop"));
    assertThat(plan.inventory()).contains(new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader"));
  }

  @Test
  void kindsDefinedByAReleaseCrdNeedNoDiscovery() {
    Map<String, Object> crd = Fixtures.yaml("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
        """);
    Plan plan = new Planner(SCOPES).plan(state(
        new DesiredObject("crd.yaml", crd), object("example.com/v1", "Widget", "w", Map.of())));

    assertThat(ids(plan.objects())).containsExactly("CustomResourceDefinition/widgets.example.com", "Widget/prod/w");
  }

  @Test
  void unparsableWaveIsAnErrorNamingTheObject() {
    assertThatThrownBy(() -> new Planner(SCOPES).plan(state(object("v1", "ConfigMap", "web", Map.of("capstan.dev/sync-wave", "soon")))))
        .isInstanceOf(ObjectException.class)
        .hasMessage("ConfigMap/web: annotation capstan.dev/sync-wave must be an integer, got \"soon\" (shop/templates/web.yaml)");
  }

  @Test
  void unknownHookPhaseIsAnError() {
    assertThatThrownBy(() -> new Planner(SCOPES).plan(state(object("batch/v1", "Job", "migrate", Map.of("capstan.dev/hook", "pre-install")))))
        .hasMessageStartingWith("Job/migrate: annotation capstan.dev/hook must be pre-sync, post-sync or sync-fail");
  }

  @Test
  void hooksAreKeptOutOfTheStages() {
    Plan plan = new Planner(SCOPES).plan(state(
        object("batch/v1", "Job", "migrate", Map.of("capstan.dev/hook", "pre-sync")),
        object("v1", "ConfigMap", "web", Map.of())));

    assertThat(ids(plan.hooks(HookPhase.PRE_SYNC))).containsExactly("Job/prod/migrate");
    assertThat(plan.stages()).extracting(PlannerTest::ids).containsExactly(List.of("ConfigMap/prod/web"));
    assertThat(plan.inventory()).hasSize(2);
  }

  @Test
  void anObjectRenderedTwiceIsAnError() {
    assertThatThrownBy(() -> new Planner(SCOPES).plan(state(
            object("v1", "ConfigMap", "web", Map.of()), object("v1", "ConfigMap", "web", Map.of()))))
        .hasMessageStartingWith("ConfigMap/prod/web: rendered twice");
  }

  @Test
  void unknownKindsFailBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> new Planner(SCOPES).plan(state(object("example.com/v1", "Widget", "w", Map.of()))))
        .isInstanceOf(ObjectException.class)
        .hasMessageStartingWith("Widget/w:");
  }
}

package dev.capstan.engine.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefOrderTest {
  private static ObjectRef ref(String kind, String name) {
    return new ObjectRef("v1", kind, "prod", name);
  }

  @Test
  void installFollowsHelmsInstallOrderWithUnknownKindsLast() {
    List<ObjectRef> refs = new ArrayList<>(List.of(
        ref("Widget", "w"), ref("Deployment", "web"), ref("Service", "web"), ref("ConfigMap", "b"),
        ref("ConfigMap", "a"), ref("Namespace", "prod"), ref("CustomResourceDefinition", "widgets"),
        ref("ServiceAccount", "web"), ref("Job", "migrate"), ref("Secret", "db")));
    refs.sort(RefOrder.install());

    assertThat(refs).extracting(ObjectRef::toString).containsExactly(
        "Namespace/prod/prod", "ServiceAccount/prod/web", "Secret/prod/db", "ConfigMap/prod/a", "ConfigMap/prod/b",
        "CustomResourceDefinition/prod/widgets", "Service/prod/web", "Deployment/prod/web", "Job/prod/migrate",
        "Widget/prod/w");
  }

  @Test
  void uninstallIsTheExactReverse() {
    List<ObjectRef> refs = new ArrayList<>(List.of(ref("Namespace", "prod"), ref("Deployment", "web"), ref("ConfigMap", "a")));
    refs.sort(RefOrder.uninstall());

    assertThat(refs).extracting(ObjectRef::kind).containsExactly("Deployment", "ConfigMap", "Namespace");
  }
}

package dev.capstan.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Event the agent posts on an Application names the cluster it deploys to, its own included. */
@KubeApiServerTest
class ClusterEventRecorderIT {
  KubernetesClient client;
  KubeEnv env;

  @TempDir
  Path tmp;

  private Application app(String name, String cluster) throws Exception {
    Path file = Files.writeString(tmp.resolve(name + ".yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "https://git.example/apps.git", ref: main, path: web}
          destination: {namespace: shop%s}
        """.formatted(name, cluster == null ? "" : ", cluster: " + cluster));
    Application app = ApplicationFiles.load(file).get(0).application();
    app.getMetadata().setNamespace(env.namespace());
    return app;
  }

  private List<Event> eventsOf(String app) {
    return client.v1().events().inNamespace(env.namespace()).list().getItems().stream()
        .filter(e -> app.equals(e.getInvolvedObject().getName())).toList();
  }

  @Test
  void eventsCarryTheClusterAsLabelAndAnnotation() throws Exception {
    ClusterEventRecorder events = new ClusterEventRecorder(client, "capstan-agent");
    events.normal(app("far", "prod-eu"), "Synced", "[prod-eu] revision 1 applied 3f2a9c1");
    events.warning(app("own", null), "SyncFailed", "Deployment/shop/web: field is immutable");
    String longName = "c" + "0123456789".repeat(7);
    events.normal(app("long", longName), "Synced", "revision 1 applied");

    assertThat(eventsOf("far")).singleElement().satisfies(e -> {
      assertThat(e.getMetadata().getLabels()).containsEntry(ClusterEventRecorder.CLUSTER_KEY, "prod-eu");
      assertThat(e.getMetadata().getAnnotations()).containsEntry(ClusterEventRecorder.CLUSTER_KEY, "prod-eu");
      assertThat(e.getMessage()).isEqualTo("[prod-eu] revision 1 applied 3f2a9c1");
    });
    assertThat(eventsOf("own")).singleElement().satisfies(e -> {
      assertThat(e.getMetadata().getLabels()).containsEntry(ClusterEventRecorder.CLUSTER_KEY, "in-cluster");
      assertThat(e.getType()).isEqualTo("Warning");
    });
    assertThat(eventsOf("long")).as("posted, the name too long for a label kept in the annotation").singleElement().satisfies(e -> {
      assertThat(e.getMetadata().getLabels()).doesNotContainKey(ClusterEventRecorder.CLUSTER_KEY);
      assertThat(e.getMetadata().getAnnotations()).containsEntry(ClusterEventRecorder.CLUSTER_KEY, longName);
    });
    assertThat(client.v1().events().inNamespace(env.namespace()).withLabel(ClusterEventRecorder.CLUSTER_KEY, "prod-eu").list().getItems())
        .extracting(e -> e.getInvolvedObject().getName()).containsExactly("far");
  }
}

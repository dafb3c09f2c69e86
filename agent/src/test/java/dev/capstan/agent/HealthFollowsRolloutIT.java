package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's health follows its rollout after the sync that started it: the Deployment's
 * status changing (its controller reporting replicas ready) is read again, with no new commit and no
 * poll, so the app does not stay Progressing after its Pods became ready.
 */
@KubeApiServerTest
class HealthFollowsRolloutIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** A chart of one Deployment, which turns Ready only when its rollout does. */
  private static final Map<String, String> WEB_DEPLOYMENT = Map.of(
      "web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n",
      "web/templates/deployment.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 1
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: web, image: "nginx:1.27"}]
          """);

  KubernetesClient client;
  KubeEnv env;

  @Test
  void aRolloutFinishingAfterTheSyncTurnsTheAppHealthy(@TempDir Path tmp) throws Exception {
    Upstream upstream = Upstream.create(tmp, "apps");
    upstream.push("a Deployment", WEB_DEPLOYMENT);
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: web}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1h}
          """.formatted(upstream.fileUrl(), env.namespace()));
      await("web synced and Progressing", WAIT, () -> status(fx) != null && status(fx).syncState() == SyncState.SYNCED
          && status(fx).healthState() == HealthState.PROGRESSING);
      assertThat(status(fx).health().message()).contains("waiting for the controller");

      // What the Deployment controller reports once the Pod is ready (the test's API server runs none).
      client.apps().deployments().inNamespace(env.namespace()).withName("web").editStatus(d -> {
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1).build());
        return d;
      });
      await("web Healthy without a new commit or poll", WAIT, () -> status(fx).healthState() == HealthState.HEALTHY);
      assertThat(fx.agent.history("web")).as("reading health applies nothing").hasSize(1);
    }
  }

  /**
   * A health pass reads what it shows once: the release's history (one list of its history Secrets,
   * which both the status's revisions and the health report are built from) and each live object.
   */
  @Test
  void aHealthPassListsTheHistoryOnceAndReadsEachObjectOnce(@TempDir Path tmp) throws Exception {
    Upstream upstream = Upstream.create(tmp, "apps");
    upstream.push("a Deployment", WEB_DEPLOYMENT);
    Map<String, Integer> reads = new ConcurrentHashMap<>();
    Interceptor counter = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (request.method().equals("GET") && !String.valueOf(request.uri().getQuery()).contains("watch=true")) {
          reads.merge(request.uri().getPath(), 1, Integer::sum);
        }
      }
    };
    String ns = env.newNamespace("counted"); // the other test's release "web" lives in env.namespace()
    try (KubernetesClient counted = new KubernetesClientBuilder().withConfig(env.server().clientConfig(ns))
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter)).build();
        AgentFixture fx = new AgentFixture(tmp, counted)) {
      fx.load(tmp, "apps", """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: web}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1h}
          """.formatted(upstream.fileUrl(), ns));
      // The sync, then the one more look at health the agent takes after it (a pass with nothing to change).
      await("web synced, Progressing, and looked at again", WAIT, () -> status(fx) != null
          && status(fx).healthState() == HealthState.PROGRESSING && fx.count("unchanged") >= 1);
      double passes = fx.count("unchanged");
      reads.clear();

      client.apps().deployments().inNamespace(ns).withName("web").editStatus(d -> {
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1).build());
        return d;
      });
      await("web Healthy after one health pass", WAIT, () -> status(fx).healthState() == HealthState.HEALTHY
          && fx.count("unchanged") >= passes + 1);
      assertThat(Map.copyOf(reads)).as("GETs of the health pass, by path").containsOnly(
          Map.entry("/api/v1/namespaces/" + ns + "/secrets", 1),
          Map.entry("/apis/apps/v1/namespaces/" + ns + "/deployments/web", 1));
    }
  }

  /**
   * The look at health right after a sync is for a rollout that moved on before the watch started.
   * When the Deployments' watch was already running, it reports the rollout itself: the second app is
   * read by its sync and by the health pass its rollout brings, and not looked at once more in between.
   */
  @Test
  void anAppWhoseObjectsAreWatchedAlreadyIsNotLookedAtAgainAfterItsSync(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("watched");
    Upstream upstream = Upstream.create(tmp, "apps");
    Map<String, String> files = new HashMap<>(deploymentChart("first"));
    files.putAll(deploymentChart("second"));
    upstream.push("two Deployments", files);
    Map<String, Integer> reads = new ConcurrentHashMap<>();
    Interceptor counter = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (request.method().equals("GET")) {
          reads.merge(request.uri().getPath(), 1, Integer::sum);
        }
      }
    };
    String second = "/apis/apps/v1/namespaces/" + ns + "/deployments/second";
    try (KubernetesClient counted = new KubernetesClientBuilder().withConfig(env.server().clientConfig(ns))
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter)).build();
        AgentFixture fx = new AgentFixture(tmp, counted)) {
      fx.load(tmp, "first", application("first", upstream, ns));
      // Its sync starts the Deployments' watch; the look after it is the first health pass.
      await("first synced, Progressing, and looked at again", WAIT, () -> status(fx, "first") != null
          && status(fx, "first").healthState() == HealthState.PROGRESSING && fx.count("unchanged") >= 1);

      fx.load(tmp, "second", application("second", upstream, ns));
      await("second synced and Progressing", WAIT, () -> status(fx, "second") != null
          && status(fx, "second").syncState() == SyncState.SYNCED && status(fx, "second").healthState() == HealthState.PROGRESSING);
      client.apps().deployments().inNamespace(ns).withName("second").editStatus(d -> {
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1).build());
        return d;
      });
      await("second Healthy", WAIT, () -> status(fx, "second").healthState() == HealthState.HEALTHY);
      // The sync reads it before applying and for the status it reports; the rollout's health pass once more.
      assertThat(reads.get(second)).as("GETs of the second Deployment: its sync's two, then the rollout's health pass alone")
          .isEqualTo(3);
    }
  }

  private static Map<String, String> deploymentChart(String name) {
    return Map.of(
        name + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n",
        name + "/templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: %1$s}
            spec:
              replicas: 1
              selector: {matchLabels: {app: %1$s}}
              template:
                metadata: {labels: {app: %1$s}}
                spec:
                  containers: [{name: %1$s, image: "nginx:1.27"}]
            """.formatted(name));
  }

  private static String application(String name, Upstream upstream, String ns) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s}
          destination: {namespace: %s}
          syncPolicy: {automated: true, interval: 1h}
        """.formatted(name, upstream.fileUrl(), name, ns);
  }

  private static ApplicationStatus status(AgentFixture fx, String app) {
    return fx.agent.application(app).map(Application::getStatus).orElse(null);
  }

  private static ApplicationStatus status(AgentFixture fx) {
    return fx.agent.application("web").map(Application::getStatus).orElse(null);
  }
}

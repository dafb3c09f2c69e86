package dev.capstan.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.cluster.ClusterMode;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.cli.CliRunner;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capstan app suspend} and {@code resume} against an agent in cluster mode: they set
 * {@code spec.suspend} on the Application resource, as {@code flux suspend} does, and the agent
 * follows: nothing is synced while suspended, and the change pushed meanwhile is synced on resume.
 */
@KubeApiServerTest
class AppSuspendIT {
  private static final String TOKEN = "suspend-token";
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  private final CliRunner cli = CliRunner.local();

  @Test
  void suspendAndResumeSetSpecSuspendOnTheResource(@TempDir Path tmp) throws Exception {
    installCrd();
    String ns = env.namespace();
    Upstream upstream = Upstream.create(tmp, "apps");
    upstream.push("web", Map.of("web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n", "web/values.yaml", "message: one\n",
        "web/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {message: {{ values.message | quote }}}\n"));
    try (AgentRuntime runtime = AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
        AgentPolicy.permissive().withLocalRepositories(true), 2, "127.0.0.1", 0, true, Map.of("CAPSTAN_API_TOKEN", TOKEN)));
        ClusterMode mode = ClusterMode.start(client, runtime.agent(), ClusterMode.Options.defaults(ns).withLeaderElect(false), l -> { },
            () -> { })) {
      runtime.agent().markReady();
      client.resources(Application.class).inNamespace(ns).resource(Serialization.unmarshal("""
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: web}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(upstream.fileUrl(), ns), Application.class)).create();
      await("first sync", () -> "one".equals(message(ns)));
      String server = runtime.server().uri().toString();

      assertThat(cli.run("app", "suspend", "web", "--server", server)).as("needs the write token").isEqualTo(1);
      assertThat(cli.run("app", "suspend", "web", "--server", server, "--token", TOKEN)).isZero();
      assertThat(cli.out()).isEqualTo("web suspended: spec.suspend set to true\n");
      assertThat(resource(ns).getSpec().suspend()).isTrue();
      await("reported suspended", () -> {
        cli.run("app", "get", "web", "--server", server, "--token", TOKEN);
        return cli.out().contains("Condition:  Ready=True Suspended");
      });

      upstream.push("two", Map.of("web/values.yaml", "message: two\n"));
      double passes = suspendedPasses(runtime);
      await("two suspended passes after the push", () -> suspendedPasses(runtime) >= passes + 2);
      assertThat(message(ns)).isEqualTo("one");

      cli.run("app", "resume", "web", "--server", server, "--token", TOKEN);
      assertThat(cli.out()).isEqualTo("web resumed: spec.suspend set to false\n");
      assertThat(resource(ns).getSpec().suspend()).isFalse();
      await("the push synced once resumed", () -> "two".equals(message(ns)));

      assertThat(cli.run("app", "resume", "nope", "--server", server, "--token", TOKEN)).isEqualTo(1);
      assertThat(cli.err()).contains("404").contains("Application/nope: no such application");
    }
  }

  private Application resource(String ns) {
    return client.resources(Application.class).inNamespace(ns).withName("web").get();
  }

  private String message(String ns) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName("web-config").get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static double suspendedPasses(AgentRuntime runtime) {
    return runtime.metrics().find("capstan.syncs").tag("result", "suspended").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** {@code kubectl apply -f charts/capstan/crds/}, then wait until the API serves Applications. */
  private void installCrd() throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(Path.of("../charts/capstan/crds/applications.capstan.dev-v1.yml")),
        CustomResourceDefinition.class);
    client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("test").forceConflicts().serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())), 60, TimeUnit.SECONDS);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, WAIT, condition);
  }
}

package dev.capstan.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.cluster.ClusterAgent;
import dev.capstan.agent.cluster.ClusterMode;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard of an agent in cluster mode, in a real headless Chromium: Applications are resources
 * of the test's API server, so Suspend and Resume patch {@code spec.suspend} on them, and the Recent
 * events are the Events on the resource, read back from the API server after a restart.
 */
@KubeApiServerTest
class ClusterDashboardBrowserIT {
  private static final String TOKEN = "cluster-dashboard-token";
  private static final Duration WAIT = Duration.ofSeconds(90);

  KubernetesClient client;
  KubeEnv env;

  @Test
  void suspendAndResumeFromTheBrowserPatchTheResourceAndTheEventsOutliveTheAgent(@TempDir Path tmp) throws Exception {
    ClusterAgent.installCrd(client);
    String ns = env.namespace();
    Upstream upstream = Upstream.create(tmp, "apps");
    String first = upstream.push("web chart", Map.of(
        "web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "web/values.yaml", "message: one\n",
        "web/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {message: {{ values.message | quote }}}\n"));
    GenericKubernetesResource resource = Serialization.unmarshal("""
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: web, namespace: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: web}
          destination: {namespace: %s}
          syncPolicy: {automated: true, interval: 1s}
        """.formatted(ns, upstream.fileUrl(), ns), GenericKubernetesResource.class);
    client.genericKubernetesResources(Application.API_VERSION, "Application").inNamespace(ns).resource(resource).create();

    String firstEvents;
    try (AgentRuntime runtime = clusterAgent(tmp, "cache-1"); ClusterMode mode = watch(runtime); Browser browser = new Browser()) {
      await("synced at the first commit", () -> synced(ns, first) && "one".equals(message(ns)));
      signIn(browser, runtime, "#/app/web");
      browser.waiting(WAIT).until(d -> text(browser, "#suspend").equals("Suspend"));
      click(browser, "suspend");
      await("spec.suspend true on the resource", () -> Boolean.TRUE.equals(resource(ns).getSpec().suspend()));
      browser.waiting(WAIT).until(d -> text(browser, "#headline").contains("Suspended"));
      browser.waiting(WAIT).until(d -> text(browser, "#suspend").equals("Resume"));
      browser.waiting(WAIT).until(d -> text(browser, "#conditions").contains("Suspended"));

      // A push while suspended: the agent keeps passing over it (every second) and applies nothing.
      String second = upstream.push("say two", Map.of("web/values.yaml", "message: two\n"));
      double passes = suspendedPasses(runtime);
      await("three suspended passes after the push", () -> suspendedPasses(runtime) >= passes + 3);
      assertThat(message(ns)).isEqualTo("one");
      assertThat(resource(ns).getStatus().sync().revision()).isEqualTo(first);
      browser.screenshot("suspended");

      click(browser, "suspend");
      await("spec.suspend false on the resource", () -> Boolean.FALSE.equals(resource(ns).getSpec().suspend()));
      await("the push synced once resumed", () -> synced(ns, second) && "two".equals(message(ns)));
      browser.waiting(WAIT).until(d -> text(browser, "#headline").contains(second.substring(0, 7)));
      browser.waiting(WAIT).until(d -> text(browser, "#suspend").equals("Suspend"));
      // Newest first, though Event times keep whole seconds: the resumed sync's Synced comes to the top.
      browser.waiting(WAIT).until(d -> text(browser, "#events tbody").lines().findFirst()
          .filter(top -> top.contains("Synced") && top.contains(second.substring(0, 7))).isPresent());
      assertThat(text(browser, "#events caption")).startsWith("Events on the Application resource");
      firstEvents = text(browser, "#events tbody");
    }

    // A new agent (a restart, or another leader) has recorded nothing itself, yet shows the same Events.
    try (AgentRuntime runtime = clusterAgent(tmp, "cache-2"); ClusterMode mode = watch(runtime); Browser browser = new Browser()) {
      signIn(browser, runtime, "#/app/web");
      // The first commit's sync happened before this agent started: only the API server can tell it.
      assertThat(firstEvents).contains(first.substring(0, 7));
      browser.waiting(WAIT).until(d -> text(browser, "#events tbody").contains(first.substring(0, 7)));
      browser.screenshot("events-after-restart");
      assertThat(runtime.agent().application("web")).isPresent();
    }
  }

  private AgentRuntime clusterAgent(Path tmp, String cache) {
    return AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve(cache), tmp.resolve("creds"),
        AgentPolicy.permissive().withLocalRepositories(true), 2, "127.0.0.1", 0, true, Map.of("CAPSTAN_API_TOKEN", TOKEN)));
  }

  private ClusterMode watch(AgentRuntime runtime) {
    runtime.agent().markReady();
    return ClusterMode.start(client, runtime.agent(), ClusterMode.Options.defaults(env.namespace()).withLeaderElect(false), line -> { },
        () -> { });
  }

  /** The text of an element, read in one step: the page replaces its parts as updates arrive. */
  private static String text(Browser browser, String selector) {
    return String.valueOf(browser.driver.executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", selector));
  }

  /** Clicks the button with {@code id}, once it is enabled, whichever copy of it the page shows by then. */
  private static void click(Browser browser, String id) {
    browser.waiting(WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement button = d.findElement(By.id(id));
      if (!button.isEnabled()) {
        return false;
      }
      button.click();
      return true;
    });
  }

  private static void signIn(Browser browser, AgentRuntime runtime, String hash) {
    browser.open(runtime.server().uri().resolve("/" + hash));
    browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TOKEN);
    browser.driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
    browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("who"), "signed in"));
  }

  private Application resource(String ns) {
    return client.resources(Application.class).inNamespace(ns).withName("web").get();
  }

  private boolean synced(String ns, String commit) {
    Application app = resource(ns);
    ApplicationStatus status = app == null ? null : app.getStatus();
    return status != null && status.sync() != null && status.sync().status() == SyncState.SYNCED && commit.equals(status.sync().revision());
  }

  private String message(String ns) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName("web-config").get();
    return cm == null ? null : cm.getData().get("message");
  }

  /** Passes that found the application suspended, as {@code /metrics} counts them. */
  private static double suspendedPasses(AgentRuntime runtime) {
    return runtime.metrics().find("capstan.syncs").tag("result", "suspended").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, WAIT, condition);
  }
}

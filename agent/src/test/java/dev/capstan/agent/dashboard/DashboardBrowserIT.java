package dev.capstan.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real headless Chromium, against a real agent (its HTTP server, feed and event
 * stream), a real Git upstream and the test's API server. What is asserted is what the page shows.
 */
@KubeApiServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final String TOKEN = "dashboard-test-token";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String XSS_SCRIPT = "<script>window.__xss=1</script>";
  private static final String XSS_IMG = "\"><img src=x onerror=window.__xss=2>";
  /** A cluster name no cluster has, with markup in it: the Application cannot sync, and its row says so as text. */
  private static final String XSS_CLUSTER = "edge<script>window.__xss=3</script>";

  static KubernetesClient client;
  static KubeEnv env;
  @TempDir static Path tmp;

  private static Upstream upstream;
  private static AgentRuntime runtime;
  private static String firstCommit;

  @BeforeAll
  static void start() throws Exception {
    upstream = Upstream.create(tmp, "apps");
    Map<String, String> files = new HashMap<>(shopChart("v1"));
    files.put("xss/Chart.yaml", "apiVersion: v2\nname: xss\nversion: 0.1.0\n");
    files.put("xss/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: xss}\ndata: {a: b}\n");
    files.put("windowed/Chart.yaml", "apiVersion: v2\nname: windowed\nversion: 0.1.0\n");
    files.put("windowed/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: windowed}\ndata: {a: b}\n");
    firstCommit = upstream.push("First " + XSS_SCRIPT + " " + XSS_IMG, files);
    runtime = AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("credentials"),
        AgentPolicy.permissive(), 2, "127.0.0.1", 0, false, Map.of("CAPSTAN_API_TOKEN", TOKEN)));
    Path apps = Files.writeString(tmp.resolve("apps.yaml"), app("shop", "shop", "") + "---\n"
        + app("xss", "xss", "") + "---\n"
        + app("broken", "charts/" + XSS_SCRIPT + XSS_IMG, "") + "---\n"
        + app("windowed", "windowed", "  syncWindows: [{kind: deny, schedule: \"0 22 * * *\", duration: 8h}]\n")
        + "---\n" + app("far", "xss", "").replace("destination: {namespace: ", "destination: {cluster: '" + XSS_CLUSTER + "', namespace: "));
    ApplicationFiles.load(apps).stream().map(ApplicationFiles.Loaded::application).forEach(runtime.agent()::upsert);
    runtime.agent().markReady();
    await("shop synced at the first commit", () -> synced("shop", firstCommit));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static String app(String name, String path, String extra) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: '%s'}
          destination: {namespace: %s}
          syncPolicy: {automated: true, interval: 1s, retry: {limit: 1, backoff: 1s}}
        %s""".formatted(name, upstream.fileUrl(), path.replace("'", "''"), env.namespace(), extra);
  }

  /** A Deployment, its Service and a ConfigMap whose message the tests change. */
  private static Map<String, String> shopChart(String message) {
    return Map.of(
        "shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
        "shop/values.yaml", "message: " + message + "\n",
        "shop/templates/configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: shop-config}
            data:
              message: {{ values.message | quote }}
            """,
        "shop/templates/deployment.yaml", """
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
            """,
        "shop/templates/secret.yaml", """
            apiVersion: v1
            kind: Secret
            metadata: {name: shop-secret}
            data: {password: czNjcjN0LWZyb20tZ2l0}
            """,
        "shop/templates/service.yaml", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """);
  }

  private static boolean synced(String app, String commit) {
    ApplicationStatus status = runtime.agent().application(app).map(Application::getStatus).orElse(null);
    return status != null && status.syncState() == SyncState.SYNCED && commit.equals(status.sync().revision());
  }

  private static String message() {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName("shop-config").get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static URI dashboard() {
    return runtime.server().uri().resolve("/");
  }

  /** Opens the dashboard and signs in with {@code token}. */
  private static void signIn(Browser browser, String token) {
    browser.open(dashboard());
    browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    WebElement field = browser.driver.findElement(By.id("token"));
    field.clear();
    field.sendKeys(token);
    browser.driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
  }

  private static WebElement row(Browser browser, String app) {
    return browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-app='" + app + "']")));
  }

  /** The text of one cell of an application's row, read in one step: rows are replaced as updates arrive. */
  private static String cell(Browser browser, String app, String cell) {
    Object text = browser.driver.executeScript(
        "const c = document.querySelector(\"tr[data-app='\" + arguments[0] + \"'] \" + arguments[1]); return c ? c.innerText : ''", app, cell);
    return String.valueOf(text);
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedAndTheRightOneShowsTheOverview() {
    try (Browser browser = new Browser()) {
      browser.open(dashboard());
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("who"), "signed out"));
      assertThat(browser.driver.findElement(By.id("main")).getText()).contains("Sign in with the API token");

      signIn(browser, "not-the-token");
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("signin-error"), "The token was refused."));
      assertThat(browser.driver.findElements(By.cssSelector("tr[data-app]"))).isEmpty();
      browser.screenshot("sign-in-refused");

      signIn(browser, TOKEN);
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("who"), "signed in"));
      row(browser, "shop");
      browser.waiting(WAIT).until(d -> !cell(browser, "broken", "td.msg").isEmpty());
      assertThat(cell(browser, "shop", "td.sync")).contains("Synced");
      assertThat(cell(browser, "shop", "td.mono")).isEqualTo(firstCommit.substring(0, 7));
      List<WebElement> rows = browser.driver.findElements(By.cssSelector("tr[data-app]"));
      assertThat(rows.get(0).getAttribute("data-app")).as("what is broken comes first").isEqualTo("broken");
      assertThat(browser.driver.findElement(By.cssSelector(".counts")).getText()).contains("5\nAll");
      assertThat(browser.driver.findElement(By.tagName("body")).getCssValue("background-color")).isEqualTo("rgba(255, 255, 255, 1)");
      browser.screenshot("overview");

      // The system's dark theme, as a browser reports it to the page.
      browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      assertThat(browser.driver.findElement(By.tagName("body")).getCssValue("background-color")).isEqualTo("rgba(13, 17, 23, 1)");
      browser.screenshot("overview-dark");
    }
  }

  @Test
  @Order(2)
  void markupFromGitAndTheApplicationIsShownAsText() {
    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      row(browser, "broken");
      browser.waiting(WAIT).until(d -> cell(browser, "broken", "td.msg").contains(XSS_SCRIPT));
      assertThat(cell(browser, "broken", "td.msg")).contains(XSS_IMG);
      assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();

      browser.driver.findElement(By.linkText("shop")).click();
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("conditions")));
      assertThat(browser.driver.findElement(By.id("conditions")).getText()).contains("First " + XSS_SCRIPT + " " + XSS_IMG);
      assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
      assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
      browser.screenshot("markup-as-text");
    }
  }

  @Test
  @Order(3)
  void theOverviewAndAnApplicationAreReachedFromTheKeyboard() {
    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      row(browser, "shop");
      browser.driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
      Object focused = null;
      for (int tab = 0; tab < 40 && !"shop".equals(focused); tab++) {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        focused = browser.driver.executeScript("return document.activeElement.textContent");
      }
      assertThat(focused).as("Tab reaches the application's link").isEqualTo("shop");
      new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("conditions")));
      assertThat(browser.driver.getCurrentUrl()).endsWith("#/app/shop");
    }
  }

  @Test
  @Order(4)
  void aPushTurnsTheRowSyncingThenSyncedWithoutAReload() {
    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      browser.waiting(WAIT).until(d -> cell(browser, "shop", "td.sync").contains("Synced"));
      browser.driver.executeScript("""
          window.__notReloaded = true;
          window.__seen = [];
          // Every row the page put in, in order: a row is replaced whole, never edited, so each keeps its text.
          const rows = (node) => node.nodeType !== 1 ? [] : node.matches("tr[data-app='shop']") ? [node]
            : Array.from(node.querySelectorAll("tr[data-app='shop']"));
          new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) =>
            rows(n).forEach((tr) => window.__seen.push(tr.querySelector('td.sync').textContent)))))
            .observe(document.getElementById('main'), {childList: true, subtree: true});
          """);

      String push = upstream.push("Say v2", Map.of("shop/values.yaml", "message: v2\n"));
      browser.waiting(WAIT).until(d -> cell(browser, "shop", "td.mono").equals(push.substring(0, 7)));
      browser.waiting(WAIT).until(d -> cell(browser, "shop", "td.sync").contains("Synced"));

      assertThat(browser.driver.executeScript("return window.__notReloaded")).isEqualTo(true);
      @SuppressWarnings("unchecked")
      List<String> seen = (List<String>) browser.driver.executeScript("return window.__seen");
      assertThat(seen).as("the row's sync cell over time").contains("Syncing");
      assertThat(seen.subList(seen.indexOf("Syncing"), seen.size())).contains("Synced");
      assertThat(message()).isEqualTo("v2");
    }
  }

  @Test
  @Order(5)
  void theApplicationPageShowsTheTreeAndTheDiffOfAHandEdit() {
    String ns = env.namespace();
    Deployment web = client.apps().deployments().inNamespace(ns).withName("web").get();
    // What kube-controller-manager would do; the test's API server runs no controllers.
    ReplicaSet rs = client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-5d4f").addToLabels("app", "web")
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment").withName("web")
            .withUid(web.getMetadata().getUid()).withController(true).build()).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec()
        .build()).create();
    client.pods().inNamespace(ns).resource(new PodBuilder()
        .withNewMetadata().withName("web-5d4f-x2k8p").addToLabels("app", "web")
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-5d4f")
            .withUid(rs.getMetadata().getUid()).withController(true).build()).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build()).create();
    client.resource(new EndpointSliceBuilder().withNewMetadata().withName("web-abcde").withNamespace(ns)
        .addToLabels("kubernetes.io/service-name", "web").endMetadata().withAddressType("IPv4").build()).create();
    // kubectl edits: someone changes the message and the password by hand.
    client.configMaps().inNamespace(ns).withName("shop-config").edit(cm -> {
      cm.getData().put("message", "edited by hand");
      return cm;
    });
    client.secrets().inNamespace(ns).withName("shop-secret").edit(secret -> {
      secret.getData().put("password", "dHlwZWQtYnktaGFuZA==");
      return secret;
    });

    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      row(browser, "shop");
      browser.driver.findElement(By.linkText("shop")).click();
      WebElement tree = browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("tree")));
      assertThat(tree.findElement(By.cssSelector("li[data-kind=Deployment] li[data-kind=ReplicaSet] li[data-kind=Pod]")).getText())
          .contains("web-5d4f-x2k8p");
      assertThat(tree.findElement(By.cssSelector("li[data-kind=Service] li[data-kind=EndpointSlice]")).getText()).contains("web-abcde");
      assertThat(tree.findElement(By.cssSelector("li[data-kind=Deployment]")).getText()).contains("Progressing");
      browser.waiting(WAIT).until(d -> d.findElement(By.id("diff")).getText().contains("edited by hand"));
      WebElement removed = browser.driver.findElement(By.cssSelector("#diff span.del"));
      assertThat(browser.driver.findElements(By.cssSelector("#diff span.del")).stream().map(WebElement::getText))
          .anySatisfy(line -> assertThat(line).contains("message: edited by hand"));
      assertThat(browser.driver.findElements(By.cssSelector("#diff span.add")).stream().map(WebElement::getText))
          .anySatisfy(line -> assertThat(line).contains("message: v2"));
      browser.waiting(WAIT).until(d -> d.findElement(By.id("diff")).getText().contains("shop-secret"));
      String diff = browser.driver.findElement(By.id("diff")).getText();
      assertThat(diff).as("Secrets masked as the CLI masks them").contains("*** (masked, before)")
          .contains("*** (masked, after)").doesNotContain("dHlwZWQtYnktaGFuZA==").doesNotContain("czNjcjN0LWZyb20tZ2l0");
      assertThat(removed.getCssValue("background-color")).isNotEqualTo(
          browser.driver.findElement(By.cssSelector("#diff span.add")).getCssValue("background-color"));
      browser.screenshot("application");
    }
  }

  @Test
  @Order(6)
  void aRollbackFromTheHistoryTableReachesTheCluster() {
    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      row(browser, "shop");
      browser.driver.findElement(By.linkText("shop")).click();
      WebElement first = browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("#history tr[data-revision='1'] button.rollback")));
      browser.screenshot("history");
      first.click();
      Alert confirm = browser.waiting(WAIT).until(ExpectedConditions.alertIsPresent());
      confirm.accept();
      browser.waiting(WAIT).until(ExpectedConditions.textMatches(By.id("rollback-result"), Pattern.compile("live again")));
      assertThat(message()).isEqualTo("v1");
      assertThat(runtime.agent().history("shop").get(0).gitRevision()).isEqualTo(firstCommit);
    }
  }

  @Test
  @Order(7)
  void aRolloutFinishingTurnsTheRowHealthyWithoutAReload() {
    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      browser.waiting(WAIT).until(d -> cell(browser, "shop", "td.health").contains("Progressing"));
      browser.driver.executeScript("window.__notReloaded = true;");
      // What the Deployment controller reports once the Pod is ready; the agent only watches.
      rolledOut(client, env.namespace(), "web");
      browser.waiting(WAIT).until(d -> cell(browser, "shop", "td.health").contains("Healthy"));
      assertThat(browser.driver.executeScript("return window.__notReloaded")).isEqualTo(true);
    }
  }

  /** Sets a Deployment's status as its controller does when every replica is updated and available. */
  private static void rolledOut(KubernetesClient client, String namespace, String name) {
    client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
      d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
          .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1).build());
      return d;
    });
  }

  @Test
  @Order(8)
  void readOnlyWithOpenReadsAndNoTokenDisablesTheButtonsWithAReason() throws Exception {
    try (AgentRuntime open = AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve("cache-open"), tmp.resolve("credentials"),
        AgentPolicy.permissive(), 1, "127.0.0.1", 0, false, Map.of("CAPSTAN_API_TOKEN", TOKEN)).withOpenReads(true));
        Browser browser = new Browser()) {
      Path apps = Files.writeString(tmp.resolve("open.yaml"), app("shop", "shop", "  suspend: true\n"));
      ApplicationFiles.load(apps).stream().map(ApplicationFiles.Loaded::application).forEach(open.agent()::upsert);
      open.agent().markReady();
      browser.open(open.server().uri().resolve("/#/app/shop"));
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("who"), "read-only"));
      WebElement sync = browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("sync")));
      assertThat(sync.isEnabled()).isFalse();
      assertThat(sync.getAttribute("title")).isEqualTo("sign in with the API token to act");
      assertThat(browser.driver.findElement(By.id("act-why")).getText()).isEqualTo("Read-only: sign in with the API token to act.");
      browser.screenshot("read-only");
    }
  }

  @Test
  @Order(9)
  void thePageReconnectsAfterTheAgentRestartsAndShowsWhatChanged() throws Exception {
    AgentRuntime before = openAgent(0, "cache-before", "before");
    int port = before.server().port();
    try (Browser browser = new Browser()) {
      browser.open(before.server().uri().resolve("/"));
      row(browser, "before");
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("live"), "live"));
      browser.driver.executeScript("window.__notReloaded = true;");
      before.close();
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("live"), "reconnecting…"));
      try (AgentRuntime after = openAgent(port, "cache-after", "after")) {
        row(browser, "after");
        browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("live"), "live"));
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-app='before']"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.__notReloaded")).isEqualTo(true);
      }
    }
  }

  /** An agent with open reads on {@code port} (0: any) knowing one suspended application, {@code name}. */
  private static AgentRuntime openAgent(int port, String cache, String name) throws Exception {
    AgentRuntime agent = AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve(cache), tmp.resolve("credentials"),
        AgentPolicy.permissive(), 1, "127.0.0.1", port, false, Map.of("CAPSTAN_API_TOKEN", TOKEN)).withOpenReads(true));
    Path file = Files.writeString(tmp.resolve(name + ".yaml"), app(name, "xss", "  suspend: true\n"));
    ApplicationFiles.load(file).stream().map(ApplicationFiles.Loaded::application).forEach(agent.agent()::upsert);
    agent.agent().markReady();
    return agent;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, WAIT, condition);
  }

  @Test
  @Order(10)
  void theClusterIsAColumnAndAFilterAndTheSyncWindowInForceShowsUntilWhen() {
    try (Browser browser = new Browser()) {
      signIn(browser, TOKEN);
      row(browser, "far");
      assertThat(cell(browser, "shop", "td.cluster")).isEqualTo("in-cluster");
      assertThat(cell(browser, "far", "td.cluster")).as("markup in a cluster name is text").isEqualTo(XSS_CLUSTER);

      WebElement cluster = browser.driver.findElement(By.id("f-cluster"));
      cluster.sendKeys("in-cluster", Keys.ENTER);
      browser.waiting(WAIT).until(d -> d.findElements(By.cssSelector("tr[data-app='far']")).isEmpty());
      assertThat(browser.driver.findElements(By.cssSelector("tr[data-app]")).stream().map(r -> r.getAttribute("data-app")))
          .containsExactlyInAnyOrder("broken", "shop", "windowed", "xss");
      assertThat(browser.driver.getCurrentUrl()).endsWith("#/?cluster=in-cluster");
      browser.screenshot("cluster-filter");

      browser.driver.findElement(By.linkText("windowed")).click();
      WebElement window = browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#window .window-now")));
      // Held inside the nightly deny window (22:00-06:00 UTC), allowed outside it; either way, until the next edge.
      int hour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
      assertThat(window.getText()).contains(hour >= 22 || hour < 6 ? "Automated syncs are held now: deny window" : "Automated syncs may run now")
          .contains("until");
      String until = window.findElement(By.tagName("time")).getAttribute("datetime");
      assertThat(until).endsWith(hour >= 22 || hour < 6 ? "T06:00:00Z" : "T22:00:00Z");
      assertThat(browser.driver.findElement(By.id("window")).getText()).contains("deny \"0 22 * * *\" for 8h");
      browser.screenshot("sync-window");

      browser.driver.get(dashboard().resolve("/#/app/far").toString());
      browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("cluster"), XSS_CLUSTER));
      assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
      assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
    }
  }
}

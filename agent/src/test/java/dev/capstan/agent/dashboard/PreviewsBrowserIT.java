package dev.capstan.agent.dashboard;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.preview.PreviewFixture;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard's Previews view in a real headless Chromium: a pull request delivered to the agent's
 * real webhook endpoint, previewed against a real Git server (the request's head under
 * {@code refs/pull/N/head}) and the test's API server, appears on an open page without a reload,
 * with its title shown as text.
 */
@KubeApiServerTest
class PreviewsBrowserIT {
  private static final String SECRET = "pr-webhook-secret";
  private static final String TOKEN = "previews-token";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String TITLE = "Bump <script>window.__xss=1</script>\"><img src=x onerror=window.__xss=2>";
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesClient client;
  KubeEnv env;

  @Test
  void aPullRequestsPreviewAppearsWithoutAReloadWithWhatItWouldChangeAndWhatFailed(@TempDir Path tmp) throws Exception {
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(Files.createDirectories(served.resolve("acme")), "deploy");
    Map<String, String> files = new HashMap<>(configMapChart("web", "web", "hello"));
    files.putAll(configMapChart("cache", "cache", "warm"));
    upstream.push("two apps", files);
    String ns = env.namespace();
    try (GitDaemon daemon = GitDaemon.start(served)) {
      String repo = daemon.url("acme/deploy.git");
      var settings = PreviewFixture.settings(tmp, Map.of("CAPSTAN_WEBHOOK_SECRET", SECRET, "CAPSTAN_API_TOKEN", TOKEN));
      try (AgentRuntime runtime = AgentRuntime.start(client, settings); Browser browser = new Browser()) {
        PreviewFixture.load(runtime.agent(), tmp,
            PreviewFixture.application("web", repo, "web", ns) + "---\n" + PreviewFixture.application("cache", repo, "cache", ns));
        await("both synced", WAIT, () -> runtime.agent().applications().stream()
            .allMatch(a -> a.getStatus() != null && a.getStatus().sync() != null && a.getStatus().sync().status() == SyncState.SYNCED));

        browser.open(runtime.server().uri().resolve("/"));
        browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TOKEN);
        browser.driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("live"), "live"));
        browser.driver.findElement(By.id("nav-previews")).click();
        browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("previews-none")));
        assertThat(browser.driver.findElement(By.id("nav-previews")).getText()).isEqualTo("Previews (0)");
        browser.driver.executeScript("window.__notReloaded = true;");

        // The request changes web's message and breaks cache's template.
        upstream.git("checkout", "-q", "-b", "bump");
        String head = upstream.commit("bump", Map.of("web/values.yaml", "message: hello-from-pr\n",
            "cache/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {m: {{ values.message | nosuchfilter }}}\n"));
        upstream.git("push", "-q", "origin", "HEAD:refs/pull/12/head");
        assertThat(deliver(runtime.server().uri().resolve("/hooks/github"), pullRequest(repo, 12, head))).isEqualTo(202);

        WebElement section = browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.preview")));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("#12 " + TITLE);
        assertThat(section.findElement(By.cssSelector("h2 a")).getAttribute("href")).isEqualTo("https://example.test/acme/deploy/pull/12");
        assertThat(section.getText()).contains(head.substring(0, 7));
        WebElement web = section.findElement(By.cssSelector("tr[data-app='web']"));
        assertThat(web.findElement(By.cssSelector("td.result")).getText()).isEqualTo("Ok");
        assertThat(web.findElement(By.cssSelector("td.create")).getText()).isEqualTo("0");
        assertThat(web.findElement(By.cssSelector("td.change")).getText()).isEqualTo("1");
        assertThat(web.findElement(By.cssSelector("td.delete")).getText()).isEqualTo("0");
        WebElement cache = section.findElement(By.cssSelector("tr[data-app='cache']"));
        assertThat(cache.findElement(By.cssSelector("td.result")).getText()).isEqualTo("Failed");
        assertThat(cache.findElement(By.cssSelector("td.msg")).getText()).startsWith("cache/templates/configmap.yaml:");
        section.findElement(By.tagName("summary")).click();
        assertThat(section.findElement(By.cssSelector("pre.diff")).getText()).contains("hello-from-pr");
        assertThat(browser.driver.findElement(By.id("nav-previews")).getText()).isEqualTo("Previews (1)");
        assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.__xss === undefined && window.__notReloaded === true")).isEqualTo(true);
        browser.screenshot("previews");
      }
    }
  }

  /** A GitHub {@code pull_request} payload, as the host sends it when a request is opened. */
  private static String pullRequest(String repo, long number, String head) {
    ObjectNode body = JSON.createObjectNode().put("action", "opened").put("number", number);
    ObjectNode pr = body.putObject("pull_request").put("number", number).put("title", TITLE).put("state", "open")
        .put("html_url", "https://example.test/acme/deploy/pull/" + number);
    pr.putObject("head").put("ref", "bump").put("sha", head).putObject("repo").put("clone_url", repo);
    pr.putObject("base").put("ref", "main").putObject("repo").put("clone_url", repo);
    body.putObject("repository").put("clone_url", repo);
    return body.toString();
  }

  private static int deliver(URI hooks, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(hooks).header("Content-Type", "application/json")
        .header("X-GitHub-Event", "pull_request").header("X-Hub-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}

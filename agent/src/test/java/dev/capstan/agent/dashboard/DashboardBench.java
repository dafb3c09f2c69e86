package dev.capstan.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.capstan.agent.InMemoryAgent;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.SyncSummary;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.feed.ActivityFeed;
import dev.capstan.agent.http.AgentHttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard with a fleet of applications: time from navigation to the overview rendered in
 * headless Chromium, the page's weight, and the HTTP server's CPU per connected browser while nothing
 * changes. The applications are in memory (the overview reads statuses, not the cluster), so the
 * figures are the dashboard's own. Not part of {@code verify} (the name matches neither {@code *Test}
 * nor {@code *IT}); docs/performance.md has the command. Prints {@code BENCH} lines; asserts what the
 * page shows, never timings. {@code -Dbench.apps=1000} sets the fleet, {@code -Dbench.browsers=5}
 * the browsers kept open for the idle measurement, {@code -Dbench.idleSeconds=60} its length.
 */
class DashboardBench {
  private static final String TOKEN = "bench-token";

  private static Application app(int i) {
    String name = "app-%04d".formatted(i);
    boolean degraded = i % 20 == 0;
    boolean outOfSync = i % 10 == 5;
    return InMemoryAgent.app(name, new Source("https://github.com/acme/fleet.git", "main", "apps/" + name, null, null, null),
        "team-" + (i % 25), new SyncSummary(outOfSync ? SyncState.OUT_OF_SYNC : SyncState.SYNCED,
            "0123456789abcdef0123456789abcdef0123%04d".formatted(i)),
        new HealthSummary(degraded ? HealthState.DEGRADED : HealthState.HEALTHY,
            degraded ? "Deployment/team/" + name + ": 0/3 ready: ImagePullBackOff" : null),
        InMemoryAgent.ready(!degraded, "revision 4 applied 0123456 (Bump the image of " + name + " to 1.4." + i + ")"));
  }

  @Test
  void overviewOfAFleet() throws Exception {
    int count = Integer.getInteger("bench.apps", 1000);
    int browsers = Integer.getInteger("bench.browsers", 5);
    Duration idle = Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 60));
    Map<String, Application> apps = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Application app = app(i);
      apps.put(app.getMetadata().getName(), app);
    }
    try (AgentHttpServer server = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost("127.0.0.1").withPort(0)
        .withApiToken(TOKEN), new InMemoryAgent(apps), null, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new ActivityFeed(Clock.systemUTC()))) {
      for (String query : List.of("", "?limit=1000")) {
        List<Double> rendered = new ArrayList<>();
        double weight = 0;
        for (int run = 0; run < 6; run++) {
          try (Browser browser = new Browser()) {
            // The token as a signed-in tab holds it; then a fresh navigation, timed by the browser itself.
            browser.open(server.uri().resolve("/ui/icon.svg"));
            browser.driver.executeScript("sessionStorage.setItem('capstan.apiToken', arguments[0])", TOKEN);
            browser.open(server.uri().resolve("/#/" + query));
            browser.waiting(Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("#apps tbody tr")).size() == Math.min(count, query.isEmpty() ? 200 : 1000));
            Number ms = (Number) browser.driver.executeScript(
                "return performance.getEntriesByName('capstan:overview-rendered')[0].startTime");
            weight = ((Number) browser.driver.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                return [nav, ...performance.getEntriesByType('resource')].filter(e => !e.name.includes('/api/v1/stream'))
                  .reduce((sum, e) => sum + e.encodedBodySize, 0)""")).doubleValue();
            assertThat(browser.driver.findElement(By.cssSelector("#apps tbody tr")).getAttribute("data-app"))
                .as("a Degraded app first").isEqualTo("app-0000");
            if (run > 0) {
              rendered.add(ms.doubleValue()); // the first run warms the server's JIT
            }
          }
        }
        rendered.sort(Double::compare);
        System.out.printf("BENCH dashboard apps=%d view=%s rendered median=%.0fms max=%.0fms weight=%.1fKB%n", count,
            query.isEmpty() ? "first-200" : "all-1000", rendered.get(rendered.size() / 2), rendered.get(rendered.size() - 1), weight / 1024);
      }

      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      System.gc();
      long before = os.getProcessCpuTime();
      Thread.sleep(idle.toMillis()); // measuring, not waiting for a condition: the idle window itself
      long none = os.getProcessCpuTime() - before;
      List<Browser> open = new ArrayList<>();
      try {
        for (int i = 0; i < browsers; i++) {
          Browser browser = new Browser();
          open.add(browser);
          browser.open(server.uri().resolve("/ui/icon.svg"));
          browser.driver.executeScript("sessionStorage.setItem('capstan.apiToken', arguments[0])", TOKEN);
          browser.open(server.uri().resolve("/#/"));
          browser.waiting(Duration.ofSeconds(30)).until(d -> "live".equals(d.findElement(By.id("live")).getText()));
        }
        System.gc();
        long start = os.getProcessCpuTime();
        Thread.sleep(idle.toMillis());
        long with = os.getProcessCpuTime() - start;
        double perBrowserPerMinute = (with - none) / 1e6 / browsers * (60.0 / idle.toSeconds());
        System.out.printf("BENCH dashboard idle: process CPU %.0fms/%ds with no browser, %.0fms with %d browsers: %.1fms per browser per minute%n",
            none / 1e6, idle.toSeconds(), with / 1e6, browsers, perBrowserPerMinute);
      } finally {
        open.forEach(Browser::close);
      }
    }
  }
}

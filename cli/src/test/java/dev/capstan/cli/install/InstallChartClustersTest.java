package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The install chart's values for the clusters one agent deploys to: which it may target, and what each may take. */
class InstallChartClustersTest {
  private static final Path CHART = Path.of("../charts/capstan");
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withReleaseName("capstan").withNamespace("capstan-system");

  private static List<String> args(String... set) {
    String yaml = new Renderer().render(ChartLoader.load(CHART), OPTIONS.withValues(ValuesOptions.none().withSet(List.of(set))))
        .manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml();
    return yaml.lines().map(String::strip).filter(l -> l.startsWith("- --")).map(l -> l.substring(2)).toList();
  }

  @Test
  void defaultsGiveEveryClusterTheAgentsDefaultLimitsAndAllowAnyCluster() {
    assertThat(args()).contains("--cluster-qps=1000", "--cluster-burst=2000", "--cluster-concurrency=2")
        .noneMatch(a -> a.startsWith("--allowed-cluster="));
  }

  @Test
  void allowedClustersAndLimitsBecomeTheAgentsFlags() {
    assertThat(args("agent.allowedClusters={prod-eu,staging}", "agent.clusterLimits.qps=50", "agent.clusterLimits.burst=100",
        "agent.clusterLimits.concurrency=3"))
        .contains("--allowed-cluster=prod-eu", "--allowed-cluster=staging", "--cluster-qps=50", "--cluster-burst=100",
            "--cluster-concurrency=3");
  }

  @Test
  void theSchemaRefusesLimitsTheAgentWouldRefuse() {
    assertThatThrownBy(() -> args("agent.clusterLimits.concurrency=0")).hasMessageContaining("agent.clusterLimits.concurrency");
    assertThatThrownBy(() -> args("agent.clusterLimits.qps=0")).hasMessageContaining("agent.clusterLimits.qps");
    assertThatThrownBy(() -> args("agent.allowedClusters={Prod_EU}")).hasMessageContaining("agent.allowedClusters");
  }
}

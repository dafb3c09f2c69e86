package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartfileChecksTest {
  private static List<String> lint(String chartYaml) {
    return ChartfileChecks.check("web/Chart.yaml", chartYaml).findings().stream().map(LintFinding::toString).toList();
  }

  @Test
  void aCompleteChartfileOnlyGetsHelmsIconRecommendation() {
    assertThat(lint("""
        apiVersion: v2
        name: web
        description: The web tier
        type: application
        version: 1.2.3-rc.1+build.5
        appVersion: "1.10"
        kubeVersion: ">=1.25.0-0"
        """)).containsExactly("web/Chart.yaml: info: icon is recommended");
  }

  @Test
  void reportsEveryProblemAtItsLine() {
    assertThat(lint("""
        apiVersion: v1
        name: Web
        version: "1.0"
        appVersion: 1.10
        type: app
        kubeVersion: "around 1.30"
        icon: not a url
        descripton: typo
        maintainers:
          - email: ops@example.com
        """)).containsExactly(
        "web/Chart.yaml:8: warning: unknown field \"descripton\" (a typo?); Capstan ignores it",
        "web/Chart.yaml:1: error: apiVersion must be v2, found \"v1\"",
        "web/Chart.yaml:2: error: name \"Web\" must be lower-case letters, digits, '-', '_' or '.'",
        "web/Chart.yaml:3: error: version \"1.0\" is not SemVer 2 (such as 1.2.3)",
        "web/Chart.yaml:4: warning: appVersion 1.1 is a YAML number and may not read as written (1.10 becomes 1.1); quote it",
        "web/Chart.yaml:5: error: type must be application or library, found \"app\"",
        "web/Chart.yaml:6: error: kubeVersion \"around 1.30\" is not a version constraint such as \">=1.25.0-0\"",
        "web/Chart.yaml:7: error: icon \"not a url\" is not a URL",
        "web/Chart.yaml:10: error: maintainers[0] needs a name",
        "web/Chart.yaml: info: description is recommended");
  }

  @Test
  void missingRequiredFieldsAreErrors() {
    assertThat(lint("description: nothing else\nicon: https://example.com/i.png\n")).containsExactly(
        "web/Chart.yaml: error: apiVersion is required; Capstan charts use apiVersion: v2",
        "web/Chart.yaml: error: name is required",
        "web/Chart.yaml: error: version is required (SemVer 2, such as 0.1.0)");
  }

  @Test
  void invalidYamlNamesTheLine() {
    assertThat(lint("apiVersion: v2\nname: [web\nversion: 1.0.0\n")).hasSize(1).first().asString()
        .startsWith("web/Chart.yaml:3: error: invalid YAML");
  }
}

package dev.capstan.chart.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks Chart.yaml the way {@code helm lint} does, reporting every problem rather than the first:
 * required fields, SemVer version, chart type, kubeVersion constraint, icon and maintainers, and
 * fields Capstan does not know (usually a typo).
 */
final class ChartfileChecks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9_.]*[a-z0-9])?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "name", "version", "kubeVersion",
      "description", "type", "keywords", "home", "sources", "dependencies", "maintainers", "icon",
      "appVersion", "deprecated", "annotations");

  private final String path;
  private final String text;
  private final List<LintFinding> findings = new ArrayList<>();

  private ChartfileChecks(String path, String text) {
    this.path = path;
    this.text = text;
  }

  /** What the checks found, and the two fields the rest of lint needs. */
  record Result(List<LintFinding> findings, String name, boolean library) {}

  /** Findings for the Chart.yaml {@code text}, reported at {@code path}. */
  static Result check(String path, String text) {
    ChartfileChecks checks = new ChartfileChecks(path, text);
    JsonNode chart = checks.parse();
    if (chart == null) {
      return new Result(checks.findings, "", false);
    }
    checks.run(chart);
    return new Result(checks.findings, chart.path("name").asText(""), chart.path("type").asText("").equals("library"));
  }

  private JsonNode parse() {
    JsonNode chart;
    try {
      chart = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      findings.add(LintFinding.error(path, line, "invalid YAML: " + e.getOriginalMessage()));
      return null;
    }
    if (chart == null || !chart.isObject()) {
      findings.add(LintFinding.error(path, 1, "must be a mapping of fields (apiVersion, name, version, ...)"));
      return null;
    }
    return chart;
  }

  private void run(JsonNode chart) {
    chart.fieldNames().forEachRemaining(field -> {
      if (!KNOWN_FIELDS.contains(field)) {
        warning(field, "unknown field \"" + field + "\" (a typo?); Capstan ignores it");
      }
    });
    apiVersion(chart);
    name(chart);
    version(chart);
    appVersion(chart);
    type(chart);
    kubeVersion(chart);
    icon(chart);
    maintainers(chart);
    if (!chart.hasNonNull("description")) {
      findings.add(LintFinding.info(path, 0, "description is recommended"));
    }
    if (chart.path("deprecated").asBoolean(false)) {
      warning("deprecated", "chart is deprecated");
    }
  }

  private void apiVersion(JsonNode chart) {
    String apiVersion = chart.path("apiVersion").asText("");
    if (apiVersion.isEmpty()) {
      findings.add(LintFinding.error(path, 0, "apiVersion is required; Capstan charts use apiVersion: v2"));
    } else if (!apiVersion.equals("v2")) {
      error("apiVersion", "apiVersion must be v2, found \"" + apiVersion + "\"");
    }
  }

  private void name(JsonNode chart) {
    String name = chart.path("name").asText("");
    if (name.isEmpty()) {
      findings.add(LintFinding.error(path, 0, "name is required"));
    } else if (!NAME.matcher(name).matches()) {
      error("name", "name \"" + name + "\" must be lower-case letters, digits, '-', '_' or '.'");
    }
  }

  private void version(JsonNode chart) {
    JsonNode version = chart.path("version");
    if (version.isMissingNode() || version.isNull() || version.asText().isEmpty()) {
      findings.add(LintFinding.error(path, 0, "version is required (SemVer 2, such as 0.1.0)"));
    } else if (SemVer.parse(version.asText().replaceFirst("^v", "")).isEmpty()) {
      error("version", "version \"" + version.asText() + "\" is not SemVer 2 (such as 1.2.3)");
    }
  }

  private void appVersion(JsonNode chart) {
    JsonNode appVersion = chart.path("appVersion");
    if (appVersion.isNumber()) {
      warning("appVersion", "appVersion " + appVersion.asText() + " is a YAML number and may not read as written"
          + " (1.10 becomes 1.1); quote it");
    }
  }

  private void type(JsonNode chart) {
    String type = chart.path("type").asText("");
    if (!type.isEmpty() && !type.equals("application") && !type.equals("library")) {
      error("type", "type must be application or library, found \"" + type + "\"");
    }
  }

  private void kubeVersion(JsonNode chart) {
    String kubeVersion = chart.path("kubeVersion").asText("");
    if (!kubeVersion.isEmpty() && SemVerRange.tryParse(kubeVersion, RangeDialect.HELM).isEmpty()) {
      error("kubeVersion", "kubeVersion \"" + kubeVersion + "\" is not a version constraint such as \">=1.25.0-0\"");
    }
  }

  private void icon(JsonNode chart) {
    String icon = chart.path("icon").asText("");
    if (icon.isEmpty()) {
      findings.add(LintFinding.info(path, 0, "icon is recommended"));
    } else if (!isUrl(icon)) {
      error("icon", "icon \"" + icon + "\" is not a URL");
    }
  }

  private void maintainers(JsonNode chart) {
    JsonNode maintainers = chart.path("maintainers");
    for (int i = 0; i < maintainers.size(); i++) {
      JsonNode maintainer = maintainers.get(i);
      int line = YamlLines.lineOf(text, List.of("maintainers", i));
      if (maintainer.path("name").asText("").isEmpty()) {
        findings.add(LintFinding.error(path, line, "maintainers[" + i + "] needs a name"));
      }
      String email = maintainer.path("email").asText("");
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        findings.add(LintFinding.error(path, line, "maintainers[" + i + "].email \"" + email + "\" is not an email address"));
      }
    }
  }

  private static boolean isUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null && (uri.getHost() != null || "data".equals(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void error(String field, String message) {
    findings.add(LintFinding.error(path, YamlLines.lineOf(text, List.of(field)), message));
  }

  private void warning(String field, String message) {
    findings.add(LintFinding.warning(path, YamlLines.lineOf(text, List.of(field)), message));
  }
}

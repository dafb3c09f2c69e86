package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every permission the install chart grants, rule by rule. A new grant fails here until it is
 * added to this list, justified in SECURITY.md ("RBAC") and exercised by {@code InstallChartRbacIT},
 * which runs the agent with nothing but these rules against a real API server.
 */
class InstallChartRbacTest {
  private static final Path CHART = Path.of("../charts/capstan");
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withReleaseName("capstan").withNamespace("capstan-system");

  private static final List<String> AGENT = List.of(
      "Role/capstan-system/capstan-agent: capstan.dev applications [get, list, watch, patch]",
      "Role/capstan-system/capstan-agent: capstan.dev applications/status [patch]",
      "Role/capstan-system/capstan-agent: core events [create, list]",
      "Role/capstan-system/capstan-agent: coordination.k8s.io leases [get, create, patch]",
      "Role/capstan-system/capstan-agent: core secrets [get]",
      "Role/capstan-system/capstan-agent: core secrets [list, watch]",
      "Role/capstan-system/capstan-agent: core configmaps [get]",
      "Role/capstan-system/capstan-leader: core pods [patch]");

  private static List<String> managed(String role) {
    String write = "[get, list, watch, create, patch, delete]";
    return List.of(
        role + ": core configmaps,secrets,services,serviceaccounts,persistentvolumeclaims " + write,
        role + ": core pods [list]",
        role + ": apps deployments,statefulsets,daemonsets,replicasets " + write,
        role + ": batch jobs,cronjobs " + write,
        role + ": networking.k8s.io ingresses,networkpolicies " + write,
        role + ": autoscaling horizontalpodautoscalers " + write,
        role + ": policy poddisruptionbudgets " + write);
  }

  @Test
  void defaultsGrantExactlyTheseRules() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART), OPTIONS);

    List<String> expected = new ArrayList<>(AGENT);
    expected.addAll(managed("ClusterRole/capstan-managed"));
    assertThat(rules(result)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(bindings(result)).containsExactlyInAnyOrder(
        "RoleBinding/capstan-system/capstan-agent -> Role/capstan-agent: ServiceAccount/capstan-system/capstan",
        "RoleBinding/capstan-system/capstan-leader -> Role/capstan-leader: ServiceAccount/capstan-system/capstan",
        "ClusterRoleBinding/capstan-managed -> ClusterRole/capstan-managed: ServiceAccount/capstan-system/capstan");
  }

  @Test
  void allowedNamespacesGrantTheSameRulesInThoseNamespacesOnly() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART),
        OPTIONS.withValues(ValuesOptions.none().withSet(List.of("agent.allowedNamespaces={shop,payments}", "agent.watchNamespace=apps"))));

    List<String> expected = new ArrayList<>(AGENT.stream().map(r -> r.replace("Role/capstan-system/capstan-agent", "Role/apps/capstan-agent")).toList());
    expected.addAll(managed("Role/shop/capstan-managed"));
    expected.addAll(managed("Role/payments/capstan-managed"));
    assertThat(rules(result)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The admission policy that holds {@code pods patch} to the leader label, bound to the release's namespace only. */
  @Test
  void theLeaderLabelPolicyIsShippedUnlessTurnedOff() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART), OPTIONS);
    RenderedManifest binding = only(result, "ValidatingAdmissionPolicyBinding");
    assertThat(binding.yaml()).contains("policyName: capstan-leader-label.capstan-system").contains("validationActions: [Deny]")
        .contains("kubernetes.io/metadata.name: capstan-system");
    assertThat(only(result, "ValidatingAdmissionPolicy").yaml())
        .contains("request.userInfo.username == \"system:serviceaccount:capstan-system:capstan\"");

    RenderResult off = new Renderer().render(ChartLoader.load(CHART),
        OPTIONS.withValues(ValuesOptions.none().withSet(List.of("rbac.leaderLabelPolicy=false"))));
    assertThat(off.manifests()).noneMatch(m -> m.kind().startsWith("ValidatingAdmissionPolicy"));
  }

  private static RenderedManifest only(RenderResult result, String kind) {
    List<RenderedManifest> found = result.manifests().stream().filter(m -> m.kind().equals(kind)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** One line per rule: {@code Kind/ns/name: group resources [verbs]}, with resourceNames when a rule has them. */
  @SuppressWarnings("unchecked")
  private static List<String> rules(RenderResult result) {
    List<String> rules = new ArrayList<>();
    for (RenderedManifest m : result.manifests()) {
      if (!m.kind().equals("Role") && !m.kind().equals("ClusterRole")) {
        continue;
      }
      String id = m.kind() + "/" + (m.namespace() == null ? "" : m.namespace() + "/") + m.name();
      for (Map<String, Object> rule : (List<Map<String, Object>>) m.object().get("rules")) {
        List<String> groups = ((List<String>) rule.get("apiGroups")).stream().map(g -> g.isEmpty() ? "core" : g).toList();
        String names = rule.containsKey("resourceNames") ? " names=" + rule.get("resourceNames") : "";
        rules.add(id + ": " + String.join(",", groups) + " " + String.join(",", (List<String>) rule.get("resources"))
            + " " + rule.get("verbs") + names + (rule.containsKey("nonResourceURLs") ? " urls=" + rule.get("nonResourceURLs") : ""));
      }
    }
    return rules;
  }

  @SuppressWarnings("unchecked")
  private static List<String> bindings(RenderResult result) {
    List<String> bindings = new ArrayList<>();
    for (RenderedManifest m : result.manifests()) {
      if (!m.kind().endsWith("RoleBinding")) {
        continue;
      }
      Map<String, Object> ref = (Map<String, Object>) m.object().get("roleRef");
      for (Map<String, Object> subject : (List<Map<String, Object>>) m.object().get("subjects")) {
        bindings.add(m.kind() + "/" + (m.namespace() == null ? "" : m.namespace() + "/") + m.name() + " -> " + ref.get("kind") + "/"
            + ref.get("name") + ": " + subject.get("kind") + "/" + subject.get("namespace") + "/" + subject.get("name"));
      }
    }
    return bindings;
  }
}

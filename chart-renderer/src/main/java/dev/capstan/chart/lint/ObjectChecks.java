package dev.capstan.chart.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the API server makes that a schema cannot express, and that trip up chart authors most:
 * object names and label syntax (a {@code fullname()} over 63 characters), a workload selector that
 * does not match its pod template, container and port names, probes on undeclared named ports
 * (WARNING) and containers without resource requests (INFO).
 */
final class ObjectChecks {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(DNS_LABEL + "(\\." + DNS_LABEL + ")*");
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  /** IANA service names, which named ports must be: no "--", at least one letter. */
  private static final Pattern PORT_NAME = Pattern.compile("(?!.*--)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Set<String> RBAC = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");
  private static final Set<String> SELECTING_WORKLOADS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

  private final Map<String, Object> object;
  private final String kind;
  private final List<ObjectFinding> findings = new ArrayList<>();

  private ObjectChecks(Map<String, Object> object) {
    this.object = object;
    this.kind = String.valueOf(object.get("kind"));
  }

  static List<ObjectFinding> check(Map<String, Object> object) {
    ObjectChecks checks = new ObjectChecks(object);
    checks.name();
    checks.labels(List.of("metadata", "labels"));
    checks.labels(List.of("spec", "template", "metadata", "labels"));
    checks.labels(List.of("spec", "selector", "matchLabels"));
    checks.selectorMatchesTemplate();
    checks.containers();
    return checks.findings;
  }

  private void name() {
    if (!(at(List.of("metadata", "name")) instanceof String name)) {
      return; // a missing name is the renderer's error
    }
    List<Object> where = List.of("metadata", "name");
    if (RBAC.contains(kind)) {
      if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")) {
        error(where, "name \"" + name + "\" may not be '.' or '..' nor contain '/' or '%'");
      }
    } else if (kind.equals("Service")) {
      if (name.length() > 63 || !DNS_1035_LABEL.matcher(name).matches()) {
        error(where, "name \"" + name + "\" must be a DNS-1035 label: at most 63 lower-case letters, digits"
            + " and '-', starting with a letter");
      }
    } else if (kind.equals("Namespace")) {
      if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
        error(where, "name \"" + name + "\" must be a DNS label: at most 63 lower-case letters, digits and '-'");
      }
    } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      error(where, "name \"" + name + "\" must be a DNS subdomain: lower-case letters, digits, '-' and '.'");
    }
  }

  private void labels(List<Object> path) {
    if (!(at(path) instanceof Map<?, ?> labels)) {
      return;
    }
    for (Map.Entry<?, ?> label : labels.entrySet()) {
      String key = String.valueOf(label.getKey());
      List<Object> where = append(path, key);
      if (!validLabelKey(key)) {
        error(where, "label key \"" + key + "\" must be an optional DNS-subdomain prefix and '/' and a name of"
            + " at most 63 letters, digits, '-', '_' or '.'");
      }
      if (label.getValue() instanceof String value && !value.isEmpty()
          && (value.length() > 63 || !LABEL_NAME.matcher(value).matches())) {
        error(where, "label value \"" + value + "\" must be at most 63 letters, digits, '-', '_' or '.',"
            + " starting and ending with a letter or digit");
      }
    }
  }

  private static boolean validLabelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return name.length() <= 63 && LABEL_NAME.matcher(name).matches();
  }

  private void selectorMatchesTemplate() {
    if (!SELECTING_WORKLOADS.contains(kind)
        || !(at(List.of("spec", "selector", "matchLabels")) instanceof Map<?, ?> selector)) {
      return;
    }
    Object labels = at(List.of("spec", "template", "metadata", "labels"));
    Map<?, ?> podLabels = labels instanceof Map<?, ?> m ? m : Map.of();
    for (Map.Entry<?, ?> wanted : selector.entrySet()) {
      if (!String.valueOf(wanted.getValue()).equals(String.valueOf(podLabels.get(wanted.getKey())))) {
        error(List.of("spec", "selector", "matchLabels", String.valueOf(wanted.getKey())),
            "selector " + wanted.getKey() + "=" + wanted.getValue()
                + " does not match the pod template's labels; the API server rejects this " + kind);
      }
    }
  }

  /** Per container of a workload's pod: unique names, valid port names, resource requests. */
  private void containers() {
    List<Object> podSpec = switch (kind) {
      case "Pod" -> List.of("spec");
      case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" ->
          List.of("spec", "template", "spec");
      case "CronJob" -> List.of("spec", "jobTemplate", "spec", "template", "spec");
      default -> null;
    };
    if (podSpec == null || !(at(append(podSpec, "containers")) instanceof List<?> containers)) {
      return;
    }
    Set<Object> names = new java.util.HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      if (!(containers.get(i) instanceof Map<?, ?> container)) {
        continue;
      }
      List<Object> where = append(append(podSpec, "containers"), i);
      if (container.get("name") != null && !names.add(container.get("name"))) {
        error(append(where, "name"), "container name \"" + container.get("name") + "\" is used twice in the pod");
      }
      portNames(container, where);
      probePorts(container, where);
      if (!(Fields.at(container, List.of("resources", "requests")) instanceof Map<?, ?> requests && !requests.isEmpty())) {
        findings.add(new ObjectFinding(Severity.INFO, where, "container \"" + container.get("name")
            + "\" has no resource requests, so the scheduler cannot place it well; set resources.requests"));
      }
    }
  }

  /** A probe on a named port the container does not declare never succeeds: the pod never gets ready. */
  private void probePorts(Map<?, ?> container, List<Object> where) {
    Set<Object> declared = new java.util.HashSet<>();
    if (container.get("ports") instanceof List<?> ports) {
      ports.forEach(p -> declared.add(Fields.at(p, List.of("name"))));
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      for (String handler : List.of("httpGet", "tcpSocket")) {
        if (Fields.at(container, List.of(probe, handler, "port")) instanceof String port && !declared.contains(port)) {
          add(Severity.WARNING, append(append(append(where, probe), handler), "port"), "\"" + port
              + "\" is not a port name of container \"" + container.get("name") + "\", so the probe always fails");
        }
      }
    }
  }

  private void portNames(Map<?, ?> container, List<Object> where) {
    if (!(container.get("ports") instanceof List<?> ports)) {
      return;
    }
    for (int p = 0; p < ports.size(); p++) {
      if (Fields.at(ports.get(p), List.of("name")) instanceof String name
          && (name.length() > 15 || !PORT_NAME.matcher(name).matches())) {
        error(append(append(append(where, "ports"), p), "name"), "port name \"" + name + "\" must be at most 15"
            + " lower-case letters, digits and '-', with a letter and no \"--\"");
      }
    }
  }

  private Object at(List<Object> path) {
    return Fields.at(object, path);
  }

  private static List<Object> append(List<Object> path, Object element) {
    List<Object> out = new ArrayList<>(path);
    out.add(element);
    return out;
  }

  private void error(List<Object> path, String message) {
    add(Severity.ERROR, path, message);
  }

  /** A finding whose message starts with the field's dotted path, as schema findings do. */
  private void add(Severity severity, List<Object> path, String message) {
    findings.add(new ObjectFinding(severity, path, new SchemaViolation(path, message).toString()));
  }
}

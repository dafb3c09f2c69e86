package dev.capstan.agent.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The charts and Applications of the scale benchmarks (in-process here, a whole agent process in cli). */
public final class Charts {
  private Charts() {}

  /** Flux MTTP's app: a ServiceAccount, a Service, a Deployment scaled to zero and an Ingress. */
  public static Map<String, String> fleetChart(String folder) {
    return Map.of(
        folder + "/Chart.yaml", "apiVersion: v2\nname: fleet\nversion: 1.0.0\n",
        folder + "/values.yaml", "image: ghcr.io/stefanprodan/podinfo:6.5.0\n",
        folder + "/templates/app.yaml", """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: {{ release.name }}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: {{ release.name }}}
            spec:
              selector: {app: {{ release.name }}}
              ports: [{name: http, port: 80, targetPort: 9898}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: {{ release.name }}}
            spec:
              replicas: 0
              selector: {matchLabels: {app: {{ release.name }}}}
              template:
                metadata: {labels: {app: {{ release.name }}}}
                spec:
                  serviceAccountName: {{ release.name }}
                  containers: [{name: app, image: {{ values.image | quote }}, ports: [{containerPort: 9898}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: {{ release.name }}}
            spec:
              rules:
                - host: {{ release.name }}.example.com
                  http:
                    paths: [{path: /, pathType: Prefix, backend: {service: {name: {{ release.name }}, port: {number: 80}}}}]
            """);
  }

  /** An app of twenty ConfigMaps carrying values.message, for push-to-applied latency. */
  public static Map<String, String> twentyConfigMaps(String folder, String message) {
    Map<String, String> files = new HashMap<>();
    files.put(folder + "/Chart.yaml", "apiVersion: v2\nname: pushed\nversion: 1.0.0\n");
    files.put(folder + "/values.yaml", "message: " + message + "\n");
    files.put(folder + "/templates/cms.yaml", """
        {% for i in range(0, 19) %}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: pushed-cm-{{ i }}}
        data: {message: {{ values.message | quote }}}
        {% endfor %}
        """);
    return files;
  }

  /** N apps spread round-robin over {@code namespaces}, plus the pushed app in the first. */
  public static String applications(int apps, String repo, List<String> namespaces) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < apps; i++) {
      yaml.append(app("app-" + i, repo, "chart", namespaces.get(i % namespaces.size()), "30s"));
    }
    return yaml.append(app("pushed", repo, "pushed", namespaces.get(0), "1h")).toString();
  }

  /**
   * N apps spread round-robin over {@code clusters} ({@code spec.destination.cluster}; {@code
   * in-cluster} names none), all in {@code namespace}, plus the pushed app in {@code pushedCluster}.
   */
  public static String applications(int apps, String repo, String namespace, List<String> clusters, String pushedCluster) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < apps; i++) {
      yaml.append(inCluster(app("app-" + i, repo, "chart", namespace, "30s"), clusters.get(i % clusters.size())));
    }
    return yaml.append(inCluster(app("pushed", repo, "pushed", namespace, "1h"), pushedCluster)).toString();
  }

  private static String inCluster(String app, String cluster) {
    return "in-cluster".equals(cluster) ? app : app.replace("destination: {namespace: ", "destination: {cluster: " + cluster + ", namespace: ");
  }

  private static String app(String name, String repo, String path, String namespace, String interval) {
    return """
        ---
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s}
          destination: {namespace: %s}
          syncPolicy: {automated: true, prune: true, interval: %s}
        """.formatted(name, repo, path, namespace, interval);
  }
}

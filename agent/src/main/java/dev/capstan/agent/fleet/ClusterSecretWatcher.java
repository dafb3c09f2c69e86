package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cluster mode's registrations: an informer on the Secrets labelled {@code capstan.dev/secret-type:
 * cluster} in the agent's namespace (list and watch there, nothing elsewhere). On every change the
 * whole set is read again and handed to the {@link Fleet}: one Secret per cluster name is used; a
 * Secret that cannot be parsed, or two Secrets naming one cluster, make that name invalid.
 */
public final class ClusterSecretWatcher implements AutoCloseable {
  private final Fleet fleet;
  private final ClusterLimits defaults;
  private final SharedIndexInformer<Secret> informer;

  private ClusterSecretWatcher(KubernetesClient client, String namespace, Fleet fleet, ClusterLimits defaults) {
    this.fleet = fleet;
    this.defaults = defaults;
    this.informer = client.secrets().inNamespace(namespace).withLabel(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE)
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(Secret obj) {
            refresh();
          }

          @Override
          public void onUpdate(Secret old, Secret now) {
            refresh();
          }

          @Override
          public void onDelete(Secret obj, boolean finalStateUnknown) {
            refresh();
          }
        });
    refresh();
  }

  /** Watches cluster Secrets in {@code namespace} and registers them in {@code fleet}; the first list is done on return. */
  public static ClusterSecretWatcher start(KubernetesClient client, String namespace, Fleet fleet, ClusterLimits defaults) {
    return new ClusterSecretWatcher(client, namespace, fleet, defaults);
  }

  private synchronized void refresh() {
    if (informer == null) {
      return; // events of the initial list, before the constructor stored the informer: the constructor refreshes
    }
    Map<String, List<Secret>> byName = new TreeMap<>();
    for (Secret secret : informer.getStore().list()) {
      byName.computeIfAbsent(ClusterSecrets.nameOf(secret), n -> new ArrayList<>()).add(secret);
    }
    Map<String, RegisteredCluster> valid = new HashMap<>();
    Map<String, String> problems = new HashMap<>();
    byName.forEach((name, secrets) -> {
      if (secrets.size() > 1) {
        List<String> names = secrets.stream().map(s -> s.getMetadata().getName()).sorted().toList();
        problems.put(name, "Secrets " + String.join(" and ", names) + " both register cluster " + name + " (data.name); remove one");
        return;
      }
      try {
        valid.put(name, ClusterSecrets.parse(secrets.get(0), defaults));
      } catch (ClusterConfigException e) {
        problems.put(name, e.getMessage());
      }
    });
    fleet.registerFromSecrets(valid, problems);
  }

  @Override
  public void close() {
    informer.close();
  }
}

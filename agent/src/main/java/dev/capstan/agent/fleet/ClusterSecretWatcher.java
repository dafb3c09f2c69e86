package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Cluster mode's registrations: an informer on the Secrets labelled {@code capstan.dev/secret-type:
 * cluster} in the agent's namespace (list and watch there, nothing elsewhere). On every change the
 * whole set is read again ({@link ClusterRegistrations}) and handed to the {@link Fleet}.
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
    ClusterRegistrations now = ClusterRegistrations.of(informer.getStore().list(), defaults);
    fleet.registerFromSecrets(now.valid(), now.problems());
  }

  @Override
  public void close() {
    informer.close();
  }
}

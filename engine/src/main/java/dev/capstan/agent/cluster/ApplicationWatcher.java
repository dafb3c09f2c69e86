package dev.capstan.agent.cluster;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.Application;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Feeds the agent the Application resources of one namespace through an informer: one list, then a
 * watch, so a thousand applications cost no polling of the API server. Status writes come back as
 * updates with an unchanged spec, which the agent ignores.
 */
public final class ApplicationWatcher implements AutoCloseable {
  private final SharedIndexInformer<Application> informer;

  private ApplicationWatcher(SharedIndexInformer<Application> informer) {
    this.informer = informer;
  }

  /** Starts watching and returns once the initial list has been handed to the agent. */
  public static ApplicationWatcher start(KubernetesClient client, String namespace, Agent agent) {
    SharedIndexInformer<Application> informer = client.resources(Application.class).inNamespace(namespace)
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(Application app) {
            agent.upsert(app);
          }

          @Override
          public void onUpdate(Application old, Application app) {
            agent.upsert(app);
          }

          @Override
          public void onDelete(Application app, boolean finalStateUnknown) {
            agent.remove(app.getMetadata().getName());
          }
        });
    return new ApplicationWatcher(informer);
  }

  @Override
  public void close() {
    informer.close();
  }
}

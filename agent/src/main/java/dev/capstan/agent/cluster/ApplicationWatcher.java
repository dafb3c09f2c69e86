package dev.capstan.agent.cluster;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
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

  /**
   * Starts watching and returns once the initial list has been handed to the agent.
   *
   * @throws ApplicationException when the API server does not serve Applications to this agent
   */
  public static ApplicationWatcher start(KubernetesClient client, String namespace, Agent agent) {
    return start(client, namespace, null, agent);
  }

  /**
   * The same for the Applications matching {@code labelSelector} only (Kubernetes selector syntax,
   * e.g. {@code capstan.dev/shard=2}; null for all): one shard of a namespace.
   */
  public static ApplicationWatcher start(KubernetesClient client, String namespace, String labelSelector, Agent agent) {
    try {
      return new ApplicationWatcher(applications(client, namespace, labelSelector).inform(new ResourceEventHandler<>() {
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
      }));
    } catch (KubernetesClientException e) {
      throw cannotWatch(namespace, labelSelector, e);
    }
  }

  /**
   * Fails, saying why, unless this client may list Application resources in {@code namespace}: run
   * before an agent joins the leader election, so that one without the CRD or the RBAC it needs
   * stops with a message instead of holding the Lease while watching nothing.
   *
   * @throws ApplicationException naming the namespace and what is missing
   */
  public static void checkServed(KubernetesClient client, String namespace) {
    checkServed(client, namespace, null);
  }

  /** The same with the shard's label selector, so that a malformed one is reported before the election too. */
  public static void checkServed(KubernetesClient client, String namespace, String labelSelector) {
    try {
      applications(client, namespace, labelSelector).list(new ListOptionsBuilder().withLimit(1L).build());
    } catch (KubernetesClientException e) {
      throw cannotWatch(namespace, labelSelector, e);
    }
  }

  private static FilterWatchListDeletable<Application, KubernetesResourceList<Application>, Resource<Application>> applications(
      KubernetesClient client, String namespace, String labelSelector) {
    var all = client.resources(Application.class).inNamespace(namespace);
    return labelSelector == null || labelSelector.isBlank() ? all : all.withLabelSelector(labelSelector);
  }

  private static ApplicationException cannotWatch(String namespace, String labelSelector, KubernetesClientException e) {
    boolean selected = labelSelector != null && !labelSelector.isBlank();
    String where = "Application resources in namespace " + namespace + (selected ? " matching \"" + labelSelector + "\"" : "");
    return switch (e.getCode()) {
      case 404 -> new ApplicationException(where,
          "the API server does not serve " + Application.API_VERSION + " Application; install the CRD (charts/capstan/crds/)", e);
      case 401, 403 -> new ApplicationException(where, "this agent may not list and watch them (" + reason(e) + ")", e);
      case 400 -> new ApplicationException(where, (selected ? "not a label selector: " : "") + reason(e), e);
      default -> new ApplicationException(where, "cannot watch them: " + reason(e), e);
    };
  }

  private static String reason(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
  }

  @Override
  public void close() {
    informer.close();
  }
}

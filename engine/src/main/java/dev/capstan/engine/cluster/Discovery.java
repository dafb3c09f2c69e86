package dev.capstan.engine.cluster;

import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource (plural, namespaced or not) serves a kind, learnt from the API server's discovery
 * documents once per group-version. {@link #forget()} drops the cache after CRDs are established.
 */
final class Discovery {
  private final KubernetesClient client;
  private final Map<String, Map<String, ResourceDefinitionContext>> byGroupVersion = new ConcurrentHashMap<>();

  Discovery(KubernetesClient client) {
    this.client = client;
  }

  Optional<ResourceDefinitionContext> find(String apiVersion, String kind) {
    Map<String, ResourceDefinitionContext> kinds = byGroupVersion.computeIfAbsent(apiVersion, this::load);
    Optional<ResourceDefinitionContext> found = Optional.ofNullable(kinds.get(kind));
    if (found.isEmpty()) {
      byGroupVersion.remove(apiVersion); // not cached: the CRD may be about to appear
    }
    return found;
  }

  ResourceDefinitionContext require(ObjectRef ref) {
    return find(ref.apiVersion(), ref.kind())
        .orElseThrow(() -> new UnknownKindException(ref));
  }

  void forget() {
    byGroupVersion.clear();
  }

  private Map<String, ResourceDefinitionContext> load(String apiVersion) {
    Map<String, ResourceDefinitionContext> kinds = new ConcurrentHashMap<>();
    APIResourceList list;
    try {
      list = client.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return kinds;
      }
      throw e;
    }
    if (list == null) {
      return kinds;
    }
    for (APIResource resource : list.getResources()) {
      if (!resource.getName().contains("/")) { // skip subresources such as deployments/status
        kinds.put(resource.getKind(), ResourceDefinitionContext.fromApiResource(apiVersion, resource));
      }
    }
    return kinds;
  }
}

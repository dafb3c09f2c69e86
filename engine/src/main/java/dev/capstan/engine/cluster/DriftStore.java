package dev.capstan.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cache of a drift informer, holding only what telling a user's change from the cluster's own
 * needs: identity, resourceVersion, generation, labels and annotations, who wrote the object when
 * ({@code managedFields} without the field sets), and, for kinds without a generation (ConfigMaps,
 * Secrets, ServiceAccounts), the body without {@code status}. Dropped: the field sets and
 * {@code status} always, the body of kinds with a generation (a Deployment's pod template), since a
 * spec change bumps the generation. At a thousand releases this is most of what the agent's
 * informers held.
 *
 * <p>Update handlers receive the full new object; the old side, and the objects of the informer's
 * initial list, come from this store.
 */
final class DriftStore implements ItemStore<GenericKubernetesResource> {
  private final BasicItemStore<GenericKubernetesResource> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

  @Override
  public String getKey(GenericKubernetesResource object) {
    return items.getKey(object);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
    return items.put(key, slim(object));
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    return items.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet();
  }

  @Override
  public Stream<GenericKubernetesResource> values() {
    return items.values();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public GenericKubernetesResource get(String key) {
    return items.get(key);
  }

  private static ManagedFieldsEntry withoutFieldSet(ManagedFieldsEntry entry) {
    return new ManagedFieldsEntryBuilder().withManager(entry.getManager()).withOperation(entry.getOperation())
        .withTime(entry.getTime()).withSubresource(entry.getSubresource()).withApiVersion(entry.getApiVersion()).build();
  }

  static GenericKubernetesResource slim(GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    GenericKubernetesResource slim = new GenericKubernetesResource();
    slim.setApiVersion(object.getApiVersion());
    slim.setKind(object.getKind());
    if (meta != null) {
      slim.setMetadata(new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace())
          .withUid(meta.getUid()).withResourceVersion(meta.getResourceVersion()).withGeneration(meta.getGeneration())
          .withLabels(meta.getLabels()).withAnnotations(meta.getAnnotations())
          .withManagedFields(meta.getManagedFields() == null ? null : meta.getManagedFields().stream()
              .map(DriftStore::withoutFieldSet).toList())
          .build());
    }
    boolean hasGeneration = meta != null && meta.getGeneration() != null && meta.getGeneration() > 0;
    if (!hasGeneration) {
      Map<String, Object> body = new LinkedHashMap<>(object.getAdditionalProperties());
      body.remove("status");
      body.forEach(slim::setAdditionalProperty);
    }
    return slim;
  }
}

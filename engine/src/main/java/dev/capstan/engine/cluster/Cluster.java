package dev.capstan.engine.cluster;

import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's only door to the API server: discovery, get, server-side apply (real or dry-run) and
 * delete of generic objects kept as maps. Translates client errors into errors that start with the
 * object's id.
 */
public final class Cluster implements KindScopes {
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]*)\"");

  private final KubernetesClient client;
  private final Discovery discovery;

  public Cluster(KubernetesClient client) {
    this.client = client;
    this.discovery = new Discovery(client);
  }

  public KubernetesClient client() {
    return client;
  }

  /** True when the kind is namespaced; unknown kinds are an {@link UnknownKindException}. */
  @Override
  public boolean namespaced(ObjectRef ref) {
    return discovery.require(ref).isNamespaceScoped();
  }

  /** True when the API server currently serves this kind. */
  public boolean serves(ObjectRef ref) {
    return discovery.find(ref.apiVersion(), ref.kind()).isPresent();
  }

  /** Forgets discovery results, after CRDs were established. */
  public void refreshDiscovery() {
    discovery.forget();
  }

  public Optional<Map<String, Object>> get(ObjectRef ref) {
    try {
      GenericKubernetesResource live = resource(ref).get();
      return Optional.ofNullable(live).map(this::toMap);
    } catch (KubernetesClientException e) {
      throw translate(ref, e, "could not read");
    }
  }

  /** Server-side apply as field manager {@code capstan}; returns the object as stored (or as it would be). */
  public Map<String, Object> apply(Map<String, Object> object, ApplyMode mode) {
    ObjectRef ref = ObjectRef.of(object);
    GenericKubernetesResource item =
        client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    try {
      ResourceDefinitionContext context = discovery.require(ref);
      var op = client.genericKubernetesResources(context);
      Resource<GenericKubernetesResource> bound =
          context.isNamespaceScoped() ? op.inNamespace(ref.namespace()).resource(item) : op.resource(item);
      NonDeletingOperation<GenericKubernetesResource> chain = mode.dryRun() ? bound.dryRun() : bound;
      ServerSideApplicable<GenericKubernetesResource> apply = chain.fieldManager(CapstanMetadata.FIELD_MANAGER);
      if (mode.forceConflicts()) {
        apply = apply.forceConflicts();
      }
      return toMap(apply.serverSideApply());
    } catch (KubernetesClientException e) {
      throw translate(ref, e, mode.dryRun() ? "dry-run apply failed" : "apply failed");
    }
  }

  /** Deletes an object (background propagation); false when it was already gone. */
  public boolean delete(ObjectRef ref) {
    try {
      return !resource(ref).delete().isEmpty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw translate(ref, e, "delete failed");
    }
  }

  /**
   * Starts an informer (list, then watch) on the object's kind in its namespace; the caller stops it.
   * Used to wait on health without polling.
   */
  public SharedIndexInformer<GenericKubernetesResource> inform(
      ObjectRef sample, ResourceEventHandler<GenericKubernetesResource> handler) {
    ResourceDefinitionContext context = discovery.require(sample);
    var op = client.genericKubernetesResources(context);
    return context.isNamespaceScoped()
        ? op.inNamespace(sample.namespace()).inform(handler, 0)
        : op.inform(handler, 0);
  }

  /**
   * An informer on the objects of one kind that Capstan manages (labelled
   * {@code app.kubernetes.io/managed-by=capstan}), in {@code namespace}, or in every namespace when it
   * is null. The label keeps the cache to Capstan's objects, not every ConfigMap of the cluster, and
   * the cache keeps only what telling a spec change from a status update needs ({@link DriftStore}):
   * the old side of an update is slim, the new side is the full object.
   */
  public SharedIndexInformer<GenericKubernetesResource> informManaged(
      ObjectRef sample, String namespace, ResourceEventHandler<GenericKubernetesResource> handler) {
    ResourceDefinitionContext context = discovery.require(sample);
    var op = client.genericKubernetesResources(context);
    var scoped = !context.isNamespaceScoped() ? op : namespace == null ? op.inAnyNamespace() : op.inNamespace(namespace);
    SharedIndexInformer<GenericKubernetesResource> informer =
        scoped.withLabel(CapstanMetadata.MANAGED_BY_LABEL, CapstanMetadata.MANAGED_BY_VALUE).runnableInformer(0);
    return informer.itemStore(new DriftStore()).addEventHandler(handler).run();
  }

  public Map<String, Object> toMap(GenericKubernetesResource resource) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = client.getKubernetesSerialization().convertValue(resource, Map.class);
    return map;
  }

  /** The typed operation for one object, for watches and informers. */
  public Resource<GenericKubernetesResource> resource(ObjectRef ref) {
    ResourceDefinitionContext context = discovery.require(ref);
    var op = client.genericKubernetesResources(context);
    return context.isNamespaceScoped() ? op.inNamespace(ref.namespace()).withName(ref.name()) : op.withName(ref.name());
  }

  static RuntimeException translate(ObjectRef ref, KubernetesClientException e, String what) {
    Status status = e.getStatus();
    if (e.getCode() == 409 && status != null && status.getDetails() != null) {
      List<FieldConflict> conflicts = new ArrayList<>();
      for (StatusCause cause : status.getDetails().getCauses()) {
        if ("FieldManagerConflict".equals(cause.getReason())) {
          Matcher m = MANAGER.matcher(String.valueOf(cause.getMessage()));
          conflicts.add(new FieldConflict(m.find() ? m.group(1) : String.valueOf(cause.getMessage()), cause.getField()));
        }
      }
      if (!conflicts.isEmpty()) {
        return new ConflictException(ref, conflicts, e);
      }
    }
    String reason = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
    return new RejectedException(ref, e.getCode(), what + ": " + reason, e);
  }
}

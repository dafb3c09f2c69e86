package dev.capstan.engine.resource;

import java.util.Map;
import java.util.Objects;

/**
 * Names one Kubernetes object. {@link #toString()} is the id every engine message starts with:
 * {@code Deployment/shop/web}, {@code Namespace/shop} for cluster-scoped objects.
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  public ObjectRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  /** Reads apiVersion, kind, metadata.namespace and metadata.name from an object map. */
  public static ObjectRef of(Map<String, Object> object) {
    Map<String, Object> metadata = Maps.child(object, "metadata");
    return new ObjectRef(
        String.valueOf(object.get("apiVersion")),
        String.valueOf(object.get("kind")),
        (String) metadata.get("namespace"),
        String.valueOf(metadata.get("name")));
  }

  /** The API group, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  public ObjectRef withNamespace(String namespace) {
    return new ObjectRef(apiVersion, kind, namespace, name);
  }

  /**
   * Identity across API versions: {@code apps/v1} and {@code apps/v1beta2} Deployments of one name
   * are the same object, so inventories compare by this key.
   */
  public String key() {
    return group() + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }

  @Override
  public String toString() {
    return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
  }
}

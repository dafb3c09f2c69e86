package dev.capstan.agent.cluster;

import dev.capstan.agent.DriftWatch;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices within seconds when someone changes or deletes an object the agent manages: informers (a
 * watch, not polling) on the kinds the releases use, each selecting Capstan's objects by label, and
 * reporting the release the object
 * belongs to. Status-only updates (a rollout progressing) are not drift: they are reported apart, so
 * the agent reads the release's health again. The agent's own applies coming back ({@link OwnWrite})
 * are ignored.
 */
public final class DriftWatcher implements DriftWatch {
  private static final Logger LOG = LoggerFactory.getLogger(DriftWatcher.class);

  private final Cluster cluster;
  private final boolean allNamespaces;
  private final Consumer<String> onDrift;
  private final Consumer<String> onStatus;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new HashMap<>();
  /** When each informer's initial list was done ({@link System#nanoTime}), by the key of {@link #informers}. */
  private final Map<String, Long> listedAt = new HashMap<>();

  /**
   * @param allNamespaces one informer per kind across all namespaces (the agent may deploy anywhere,
   *     so it can list everywhere; a thousand apps in a thousand namespaces cost four watches, not
   *     four thousand); otherwise one per kind and namespace, which the per-namespace Roles allow
   * @param onDrift called with the release id ({@code namespace/release}) of a drifted object
   */
  public DriftWatcher(Cluster cluster, boolean allNamespaces, Consumer<String> onDrift) {
    this(cluster, allNamespaces, onDrift, release -> { });
  }

  /** @param onStatus called with the release id of an object whose status alone changed */
  public DriftWatcher(Cluster cluster, boolean allNamespaces, Consumer<String> onDrift, Consumer<String> onStatus) {
    this.cluster = cluster;
    this.allNamespaces = allNamespaces;
    this.onDrift = onDrift;
    this.onStatus = onStatus;
  }

  /** Watches for {@code cluster}, as {@link #DriftWatcher(Cluster, boolean, Consumer)} explains. */
  public static DriftWatch.Factory on(Cluster cluster, boolean allNamespaces) {
    return new DriftWatch.Factory() {
      @Override
      public DriftWatch start(Consumer<String> onDrift) {
        return new DriftWatcher(cluster, allNamespaces, onDrift);
      }

      @Override
      public DriftWatch start(Consumer<String> onDrift, Consumer<String> onStatus) {
        return new DriftWatcher(cluster, allNamespaces, onDrift, onStatus);
      }
    };
  }

  /** Makes sure every kind and namespace of {@code refs} is watched. */
  @Override
  public synchronized void watch(Collection<ObjectRef> refs) {
    for (ObjectRef ref : refs) {
      String namespace = allNamespaces ? null : ref.namespace();
      String key = key(ref);
      if (!informers.containsKey(key)) {
        try {
          Handler handler = new Handler();
          informers.put(key, cluster.informManaged(ref, namespace, handler));
          handler.listed = true;
          listedAt.put(key, System.nanoTime());
        } catch (RuntimeException e) {
          LOG.warn("{}: cannot watch for drift: {}", ref, e.getMessage());
        }
      }
    }
  }

  /**
   * True when an informer of every ref's kind (and namespace) had listed before {@code nanos}: its watch
   * then reports every later change, status included, so a read made after {@code nanos} misses nothing.
   */
  @Override
  public synchronized boolean watchedSince(Collection<ObjectRef> refs, long nanos) {
    for (ObjectRef ref : refs) {
      Long listed = listedAt.get(key(ref));
      if (listed == null || listed - nanos >= 0) {
        return false;
      }
    }
    return true;
  }

  private String key(ObjectRef ref) {
    return ref.apiVersion() + "|" + ref.kind() + "|" + Objects.toString(allNamespaces ? null : ref.namespace(), "*");
  }

  @Override
  public synchronized void close() {
    informers.values().forEach(SharedIndexInformer::close);
    informers.clear();
    listedAt.clear();
  }

  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    /** Set once the informer's initial list is done. */
    volatile boolean listed;

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      // An add from the initial list may already carry a change made between the apply and the
      // start of the watch: check it. Later adds are the agent's own creates.
      if (!listed && !OwnWrite.newestIsOurs(obj)) {
        report(obj, onDrift);
      }
    }

    @Override
    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource now) {
      if (SpecChange.between(old, now)) {
        if (!OwnWrite.newestIsOurs(now)) {
          report(now, onDrift);
        }
      } else {
        report(now, onStatus);
      }
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean finalStateUnknown) {
      report(obj, onDrift);
    }

    private void report(GenericKubernetesResource obj, Consumer<String> to) {
      Map<String, String> annotations = obj.getMetadata() == null ? null : obj.getMetadata().getAnnotations();
      String release = annotations == null ? null : annotations.get(CapstanMetadata.RELEASE_ANNOTATION);
      if (release != null) {
        to.accept(release);
      }
    }
  }
}

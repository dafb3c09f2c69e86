package dev.capstan.engine.health;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Waits until objects are healthy, driven by informers (one per kind and namespace) rather than
 * polling: every watch event re-evaluates health. Fails fast when an object is degraded, and on
 * timeout names every object still holding the wait up.
 */
public final class HealthWaiter {
  private final Cluster cluster;
  private final HealthChecker checker = new HealthChecker();

  public HealthWaiter(Cluster cluster) {
    this.cluster = cluster;
  }

  public void await(List<ObjectRef> refs, Duration timeout, Consumer<WaitProgress> progress) {
    if (refs.isEmpty()) {
      return;
    }
    ReentrantLock lock = new ReentrantLock();
    Condition changed = lock.newCondition();
    Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new LinkedHashMap<>();
    ResourceEventHandler<GenericKubernetesResource> signal = new Signal(lock, changed);
    try {
      for (ObjectRef ref : refs) {
        if (!informers.containsKey(informerKey(ref))) {
          informers.put(informerKey(ref), cluster.inform(ref, signal));
        }
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      lock.lock();
      try {
        while (true) {
          List<Holdup> holdups = holdups(refs, informers);
          progress.accept(new WaitProgress(refs.size() - holdups.size(), refs.size(), holdups));
          if (holdups.isEmpty()) {
            return;
          }
          for (Holdup holdup : holdups) {
            if (holdup.health().status() == HealthStatus.DEGRADED) {
              throw new UnhealthyException(holdup.ref(), holdup.health());
            }
          }
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            throw new WaitTimeoutException(timeout, diagnosed(holdups, informers));
          }
          // Events wake us; the one-second cap only refreshes the progress line.
          changed.await(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WaitTimeoutException(timeout, holdups(refs, informers));
      } finally {
        lock.unlock();
      }
    } finally {
      informers.values().forEach(SharedIndexInformer::stop);
    }
  }

  /** Adds what the pods of each stuck workload say, e.g. {@code Pod web-7d9-x2 has ImagePullBackOff}. */
  private List<Holdup> diagnosed(List<Holdup> holdups, Map<String, SharedIndexInformer<GenericKubernetesResource>> informers) {
    PodDiagnosis diagnosis = new PodDiagnosis(cluster);
    List<Holdup> out = new ArrayList<>();
    for (Holdup holdup : holdups) {
      GenericKubernetesResource live = liveOf(holdup.ref(), informers);
      Optional<String> why = live == null ? Optional.empty() : diagnosis.explain(holdup.ref(), cluster.toMap(live));
      out.add(why.map(w -> new Holdup(holdup.ref(), new Health(holdup.health().status(), holdup.health().message() + ", " + w)))
          .orElse(holdup));
    }
    return out;
  }

  private static GenericKubernetesResource liveOf(ObjectRef ref, Map<String, SharedIndexInformer<GenericKubernetesResource>> informers) {
    String storeKey = ref.namespace() == null ? ref.name() : ref.namespace() + "/" + ref.name();
    return informers.get(informerKey(ref)).getStore().getByKey(storeKey);
  }

  /** One informer per kind and namespace serves every object of that kind there. */
  private static String informerKey(ObjectRef ref) {
    return ref.apiVersion() + "/" + ref.kind() + "/" + (ref.namespace() == null ? "" : ref.namespace());
  }

  private List<Holdup> holdups(List<ObjectRef> refs, Map<String, SharedIndexInformer<GenericKubernetesResource>> informers) {
    List<Holdup> holdups = new ArrayList<>();
    for (ObjectRef ref : refs) {
      GenericKubernetesResource live = liveOf(ref, informers);
      Health health = checker.check(live == null ? null : cluster.toMap(live));
      if (!health.isHealthy()) {
        holdups.add(new Holdup(ref, health));
      }
    }
    return holdups;
  }

  private static final class Signal implements ResourceEventHandler<GenericKubernetesResource> {
    private final ReentrantLock lock;
    private final Condition changed;

    Signal(ReentrantLock lock, Condition changed) {
      this.lock = lock;
      this.changed = changed;
    }

    private void wake() {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      wake();
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      wake();
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      wake();
    }
  }
}

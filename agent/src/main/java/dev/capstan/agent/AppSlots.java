package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.sync.AppRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every application the agent knows, by name: the one map of {@link AppSlot}s, and the questions
 * asked across it (which apps a watch event concerns, whether dependencies are healthy, counts).
 * Removing a slot forgets the application whole.
 */
final class AppSlots {
  private final Map<String, AppSlot> slots = new ConcurrentHashMap<>();

  /** The cluster an app deploys to; {@value Destination#IN_CLUSTER} for a spec without a destination (it fails validation). */
  static String clusterOf(Application app) {
    return app.getSpec() == null || app.getSpec().destination() == null ? Destination.IN_CLUSTER
        : app.getSpec().destination().clusterOrDefault();
  }

  AppSlot get(String name) {
    return slots.get(name);
  }

  /** The slot of {@code name}; throws {@link UnknownApplicationException} for a name the agent does not know. */
  AppSlot known(String name) {
    AppSlot slot = slots.get(name);
    if (slot == null) {
      throw new UnknownApplicationException(name);
    }
    return slot;
  }

  void put(String name, AppSlot slot) {
    slots.put(name, slot);
  }

  /** Forgets {@code name}; true when it was known. */
  boolean remove(String name) {
    return slots.remove(name) != null;
  }

  void forEach(BiConsumer<String, AppSlot> action) {
    slots.forEach(action);
  }

  /** Calls {@code action} with the name of each app deploying release {@code releaseId} to {@code cluster}. */
  void forEachDeploying(String cluster, String releaseId, Consumer<String> action) {
    slots.forEach((name, slot) -> {
      if (releaseId.equals(slot.releaseId()) && cluster.equals(clusterOf(slot.application()))) {
        action.accept(name);
      }
    });
  }

  /** Calls {@code action} with the name of each app deploying to {@code cluster}. */
  void forEachOn(String cluster, Consumer<String> action) {
    slots.forEach((name, slot) -> {
      if (cluster.equals(clusterOf(slot.application()))) {
        action.accept(name);
      }
    });
  }

  /** Every application, sorted by name. */
  List<Application> applications() {
    return slots.values().stream().map(AppSlot::application)
        .sorted(Comparator.comparing(a -> a.getMetadata().getName())).toList();
  }

  /** The first of {@code app}'s dependencies that is unknown, not yet synced or not Healthy. */
  Optional<String> unhealthyDependency(Application app) {
    for (String dep : app.getSpec().dependsOnOrEmpty()) {
      AppSlot other = slots.get(dep);
      ApplicationStatus status = other == null ? null : other.record().status();
      if (status == null || status.healthState() != HealthState.HEALTHY) {
        return Optional.of(dep);
      }
    }
    return Optional.empty();
  }

  long count(Predicate<AppRecord> matching) {
    return slots.values().stream().filter(slot -> matching.test(slot.record())).count();
  }

  /** How many apps deploy to each cluster, by its name. */
  Map<String, Long> countByCluster() {
    return slots.values().stream().collect(Collectors.groupingBy(slot -> clusterOf(slot.application()), Collectors.counting()));
  }
}

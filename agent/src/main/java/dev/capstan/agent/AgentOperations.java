package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.release.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What the agent offers its front ends (the HTTP API and {@code capstan app}). Unknown names throw
 * {@link UnknownApplicationException}; everything else is a {@code CapstanException} with a message a
 * user can act on.
 */
public interface AgentOperations {
  /** Every application the agent knows, with its last status, sorted by name. */
  List<Application> applications();

  Optional<Application> application(String name);

  /** The live difference between Git and the cluster for {@code name}, computed now. */
  DiffReport diff(String name);

  /** The objects of {@code name}'s release as a tree with their live health; empty before its first sync. */
  List<ObjectNode> tree(String name);

  /** The engine revisions of {@code name}, newest first. */
  List<HistoryEntry> history(String name);

  /**
   * Queues a sync of {@code name}. A deny sync window holds it unless {@code overrideSyncWindows}.
   *
   * @return why the sync is held, or empty when it was queued
   */
  Optional<String> requestSync(String name, boolean overrideSyncWindows);

  /** Rolls {@code name} back to {@code revision} as a new revision, as Helm does. */
  HistoryEntry rollback(String name, int revision);

  /** The clusters applications deploy to, by name, and how many applications each has. */
  default List<ClusterView> clusters() {
    return List.of();
  }

  /** A cluster as the API shows it; see {@link ClusterTargets.ClusterInfo} for {@code state}. */
  record ClusterView(String name, String server, boolean reachable, String state, String message, String version, long applications) {}

  /** True once the agent has loaded its applications and is leading or standing by. */
  boolean ready();
}

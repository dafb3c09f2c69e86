package dev.capstan.agent.feed;

import dev.capstan.agent.application.Application;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What each application is doing and did lately: a sync in progress between the agent's
 * {@code Syncing} event and its {@code Synced}/{@code SyncFailed} event or next status, and its last
 * {@value #KEPT} events. Subscribers hear the application's name on every change, on the thread
 * that made it; nothing runs while nothing changes.
 */
public final class ActivityFeed implements RecentEvents {
  static final int KEPT = 20;

  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
  private final List<Runnable> previewSubscribers = new CopyOnWriteArrayList<>();

  public ActivityFeed(Clock clock) {
    this.clock = clock;
  }

  /** Calls {@code subscriber} with an application's name whenever its status, activity or events change. */
  public Runnable subscribe(Consumer<String> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Calls {@code subscriber} whenever the open pull requests' previews change ({@link FeedingPublisher}). */
  public Runnable subscribePreviews(Runnable subscriber) {
    previewSubscribers.add(subscriber);
    return () -> previewSubscribers.remove(subscriber);
  }

  void previewsChanged() {
    previewSubscribers.forEach(Runnable::run);
  }

  public int subscribers() {
    return subscribers.size();
  }

  /** True between the start of a sync and its end. */
  public boolean syncing(String app) {
    Slot slot = slots.get(app);
    return slot != null && slot.syncing;
  }

  /** What the agent recorded since it started; gone with the process. */
  @Override
  public List<FeedEvent> of(Application app) {
    return events(app.getMetadata().getName());
  }

  /** The application's recent events, newest first. */
  public List<FeedEvent> events(String app) {
    Slot slot = slots.get(app);
    if (slot == null) {
      return List.of();
    }
    synchronized (slot) {
      return List.copyOf(slot.events);
    }
  }

  void event(String app, FeedEvent.Type type, String reason, String message) {
    Slot slot = slots.computeIfAbsent(app, a -> new Slot());
    synchronized (slot) {
      slot.events.addFirst(new FeedEvent(clock.instant().toString(), type, reason, message));
      while (slot.events.size() > KEPT) {
        slot.events.removeLast();
      }
      if ("Syncing".equals(reason)) {
        slot.syncing = true;
      } else if ("Synced".equals(reason) || "SyncFailed".equals(reason)) {
        slot.syncing = false;
      }
    }
    notify(app);
  }

  void statusChanged(String app) {
    Slot slot = slots.get(app);
    if (slot != null) {
      synchronized (slot) {
        slot.syncing = false;
      }
    }
    notify(app);
  }

  /** Forgets a deleted application. */
  void forget(String app) {
    slots.remove(app);
    notify(app);
  }

  private void notify(String app) {
    for (Consumer<String> subscriber : subscribers) {
      subscriber.accept(app);
    }
  }

  private static final class Slot {
    private final Deque<FeedEvent> events = new ArrayDeque<>();
    private boolean syncing;
  }
}

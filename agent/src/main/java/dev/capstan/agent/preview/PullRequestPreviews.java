package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.loop.PassControl;
import dev.capstan.agent.loop.WorkQueue;
import dev.capstan.agent.trigger.PushMatch;
import dev.capstan.core.CapstanException;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.webhook.dispatch.PullRequestSink;
import dev.capstan.webhook.event.PullRequestAction;
import dev.capstan.webhook.event.PullRequestEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Previews pull requests: verified events come in from the webhook, wait in a bounded queue with one
 * latest-wins slot per pull request (twenty pushes in a burst cost the preview in progress and one
 * more, of the newest head), and a fixed number of workers, apart from the sync workers, preview them.
 * A preview fetches the head and the target branch of each Git source the request merges into, keeps
 * the Applications where the changes touch what such a source supplies (a chart folder, values
 * files), previews each ({@link Previewer}: those sources at the head, the others as deployed),
 * remembers the result for the API and hands it to the {@link PreviewPublisher}. A closed request is forgotten, its head taken out of the Git cache; one
 * that touches no Application gets nothing (and one that no longer does has its comment say so).
 */
public final class PullRequestPreviews implements PullRequestSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PullRequestPreviews.class);

  private final Supplier<List<Application>> applications;
  private final PullRequestSources sources;
  private final Previewer previewer;
  private final PreviewPublisher publisher;
  private final PreviewStore store;
  private final Clock clock;
  private final PreviewOptions options;
  private final Counter previews;
  private final Counter events;
  private final Object lock = new Object();
  /** The newest event per pull request not yet previewed; the queue holds their keys. */
  private final Map<String, PullRequestEvent> pending = new HashMap<>();
  private final WorkQueue<String> queue;

  public PullRequestPreviews(Supplier<List<Application>> applications, PullRequestSources sources, Previewer previewer,
      PreviewPublisher publisher, PreviewStore store, Clock clock, PreviewOptions options, MeterRegistry registry) {
    this.applications = applications;
    this.sources = sources;
    this.previewer = previewer;
    this.publisher = publisher;
    this.store = store;
    this.clock = clock;
    this.options = options;
    this.previews = Counter.builder("capstan.previews").description("Pull-request previews run").register(registry);
    this.events = Counter.builder("capstan.preview.events")
        .description("Pull-request events handled, coalesced ones counted once, those matching nothing included").register(registry);
    this.queue = new WorkQueue<>("capstan-preview", options.workers(), this::work, (key, failures) -> Optional.empty());
  }

  @Override
  public boolean submit(PullRequestEvent event) {
    synchronized (lock) {
      if (!pending.containsKey(event.id()) && pending.size() >= options.maxPending()) {
        return false;
      }
      pending.put(event.id(), event);
    }
    queue.add(event.id());
    return true;
  }

  /** Previews run so far (not counting events coalesced into a later one or matching nothing). */
  public long previewsRun() {
    return (long) previews.count();
  }

  /** Pull-request events handled so far (a burst coalesced into one counts once), whatever they matched. */
  public long eventsHandled() {
    return (long) events.count();
  }

  private PassControl work(String id) {
    PullRequestEvent event;
    synchronized (lock) {
      event = pending.remove(id);
    }
    if (event != null) {
      try {
        run(event);
      } catch (RuntimeException e) {
        LOG.warn("preview of {} failed: {}", id, Previewer.oneLine(e.getMessage()));
      } finally {
        events.increment();
      }
    }
    return PassControl.done();
  }

  private void run(PullRequestEvent pr) {
    if (pr.action() == PullRequestAction.CLOSED) {
      store.remove(pr.id());
      publisher.closed(pr);
      forgetHead(pr);
      return;
    }
    // An edited title or description (GitLab's "update", GitHub's "edited") leaves head and target where they were.
    boolean sameHead = store.get(pr.id())
        .map(last -> last.headCommit().startsWith(pr.headCommit()) && last.baseBranch().equals(pr.baseBranch())).orElse(false);
    if (pr.action() == PullRequestAction.UPDATED && sameHead) {
      return;
    }
    List<Application> candidates = new ArrayList<>();
    for (Application app : applications.get()) {
      Optional<String> refusal = PullRequestMatch.refusal(app, pr);
      if (refusal.isEmpty()) {
        candidates.add(app);
      } else if (app.getSpec() != null && app.getSpec().previewOrDefault().on()) {
        LOG.debug("{} not previewed for {}: {}", app.getMetadata().getName(), pr.id(), refusal.get());
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    String head = null;
    Map<String, AppPreview> results = new LinkedHashMap<>();
    Map<String, PullRequestSources.Heads> fetched = new HashMap<>();
    for (Application app : candidates) {
      String name = app.getMetadata().getName();
      Map<String, GitRevision> atHead = new LinkedHashMap<>();
      boolean touched = false;
      try {
        for (MatchedSource source : PullRequestMatch.sources(app, pr)) {
          // One fetch per repository and credentials, however many Applications and sources live in it.
          PullRequestSources.Heads heads = fetched.containsKey(source.cacheKey()) ? fetched.get(source.cacheKey())
              : sources.fetch(app, source.source(), pr);
          fetched.put(source.cacheKey(), heads);
          head = heads.head().sha();
          atHead.put(source.name(), heads.head());
          touched |= PullRequestMatch.touches(app, source, heads.changedPaths());
        }
      } catch (CapstanException e) {
        results.put(name, AppPreview.failed(name, app.getSpec().destination().namespace(), Previewer.oneLine(e.getMessage())));
        continue;
      }
      if (!touched) {
        continue;
      }
      // Every source the request merges into at its head (they are one commit), the others as deployed.
      results.put(name, previewer.preview(app, ctx -> PreviewInputs.read(ctx, app, atHead, sources)));
    }
    if (results.isEmpty()) {
      // A request that touched an Application and no longer does: its comment must not keep showing the old diff.
      if (store.get(pr.id()).isPresent()) {
        store.remove(pr.id());
        publisher.publish(pr, head != null ? head : pr.headCommit(), List.of());
      }
      return;
    }
    String commit = head != null ? head : pr.headCommit();
    previews.increment();
    List<AppPreview> list = List.copyOf(results.values());
    store.put(pr.id(), new OpenPreview(pr.repository().value(), pr.number(), pr.title(), pr.webUrl(), pr.provider().path(),
        pr.baseBranch(), commit, clock.instant().toString(), list));
    publisher.publish(pr, commit, list);
  }

  /**
   * Drops a closed request's head from the Git cache of every repository copy a preview may have
   * fetched it into (one per URL and credentials), unless an Application deploys from that very ref.
   */
  private void forgetHead(PullRequestEvent pr) {
    List<Application> all = applications.get();
    if (pr.headRef() == null || all.stream().anyMatch(app -> PullRequestMatch.follows(app, pr, pr.headRef()))) {
      return;
    }
    Set<String> copies = new HashSet<>();
    for (Application app : all) {
      if (!PullRequestMatch.mayHaveFetched(app, pr)) {
        continue;
      }
      for (MatchedSource source : PullRequestMatch.gitSources(app)) {
        if (PushMatch.sameRepository(source.source().repoURL(), pr.repository()) && copies.add(source.cacheKey())) {
          try {
            List<String> removed = sources.forget(app, source.source(), pr);
            LOG.debug("closed {}: removed {} from the cache", pr.id(), removed);
          } catch (CapstanException e) {
            LOG.warn("closed {}: its head stays in the cache: {}", pr.id(), Previewer.oneLine(e.getMessage()));
          }
        }
      }
    }
  }

  @Override
  public void close() {
    queue.close();
  }
}

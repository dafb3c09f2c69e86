package dev.capstan.commitstatus;

import dev.capstan.core.Secret;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one comment of Capstan's on a pull request: the first {@link #upsert} creates it, every later
 * one edits it in place. The comment is recognised by a hidden marker in its body
 * ({@link #MARKER}), so after a restart the existing comment is found by listing the request's
 * comments, never duplicated; while running, its id is remembered and no listing is needed.
 *
 * <p>Calls for one pull request run one after another (two pushes in quick succession must not both
 * create a comment); calls for different ones run in parallel. Waits between retries are scheduled
 * on this object's own single thread, never on a caller's: a host that is down delays comments, not
 * syncs. Tokens go into request headers only.
 */
public final class PullRequestComments implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PullRequestComments.class);
  /** Hidden in the rendered Markdown of every host; finds our comment among the others. */
  public static final String MARKER = "<!-- capstan-preview -->";
  private static final int MAX_PAGES = 40;

  private final CommentRequests requests;
  private final HostCall calls;
  private final ScheduledExecutorService retries;
  private final Map<String, String> ids = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<CommentResult>> chains = new ConcurrentHashMap<>();

  public PullRequestComments(RetryPolicy policy) {
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "capstan-pr-comment-retries");
      thread.setDaemon(true);
      return thread;
    });
    HttpClient client = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.requests = new CommentRequests(policy.requestTimeout());
    this.calls = new HostCall(client, new RetryDecision(policy, Clock.systemUTC()), retries);
  }

  /** What became of an upsert: the comment's id and whether it was created or edited. */
  public record CommentResult(String id, boolean created) {}

  /**
   * Creates or edits Capstan's comment on pull request {@code number}. {@code body} gets the marker
   * prepended. The future fails with a {@link HostApiException} when the host refuses or stays down.
   */
  public CompletableFuture<CommentResult> upsert(StatusTarget target, Secret token, long number, String body) {
    String key = target + "#" + number;
    String marked = MARKER + "\n" + body;
    return chains.compute(key, (k, previous) -> (previous == null ? CompletableFuture.<CommentResult>completedFuture(null) : previous)
        .handle((ignored, failure) -> null)
        .thenCompose(ignored -> write(key, target, token, number, marked))
        .whenComplete((result, failure) -> {
          if (failure != null) {
            LOG.warn("comment on {} not written: {}", key, rootMessage(failure));
          }
        }));
  }

  private CompletableFuture<CommentResult> write(String key, StatusTarget target, Secret token, long number, String body) {
    String known = ids.get(key);
    CompletableFuture<Optional<String>> existing = known != null
        ? CompletableFuture.completedFuture(Optional.of(known)) : find(target, token, number, 1);
    return existing.thenCompose(id -> id.isPresent() ? edit(key, target, token, number, id.get(), body)
        : create(key, target, token, number, body));
  }

  private CompletableFuture<CommentResult> edit(String key, StatusTarget target, Secret token, long number, String id, String body) {
    return calls.send(requests.edit(target, token, number, id, body))
        .thenApply(response -> new CommentResult(id, false))
        .exceptionallyCompose(failure -> {
          // Someone deleted our comment: write a new one rather than fail for ever.
          if (failure.getCause() instanceof HostApiException e && e.httpStatus() == 404) {
            ids.remove(key);
            return create(key, target, token, number, body);
          }
          return CompletableFuture.failedFuture(failure);
        });
  }

  private CompletableFuture<CommentResult> create(String key, StatusTarget target, Secret token, long number, String body) {
    return calls.send(requests.create(target, token, number, body)).thenApply(response -> {
      String id = requests.createdId(response.body());
      ids.put(key, id);
      return new CommentResult(id, true);
    });
  }

  private CompletableFuture<Optional<String>> find(StatusTarget target, Secret token, long number, int page) {
    return calls.send(requests.list(target, token, number, page)).thenCompose((HttpResponse<String> response) -> {
      List<CommentRequests.HostComment> comments = requests.comments(target, response.body());
      Optional<String> ours = comments.stream().filter(c -> c.body().startsWith(MARKER)).map(CommentRequests.HostComment::id).findFirst();
      if (ours.isPresent() || page >= MAX_PAGES || !requests.hasNextPage(target, response.body(), comments.size())) {
        return CompletableFuture.completedFuture(ours);
      }
      return find(target, token, number, page + 1);
    });
  }

  /** Forgets a closed pull request's comment id. */
  public void forget(StatusTarget target, long number) {
    String key = target + "#" + number;
    ids.remove(key);
    chains.remove(key);
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t != t.getCause()) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}

package dev.capstan.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.capstan.agent.dashboard.AppRow;
import dev.capstan.agent.dashboard.Overview;
import dev.capstan.agent.feed.ActivityFeed;
import dev.capstan.agent.preview.OpenPreview;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/v1/stream}: server-sent events for the dashboard, one stream per browser. Each
 * change the {@link ActivityFeed} hears becomes one {@code app} event carrying the application's
 * overview row (or a {@code removed} event), and each change to the open pull-request previews one
 * {@code previews} event with their count, written once and sent to every open stream. Nothing runs
 * between changes except a comment line every {@link #KEEP_ALIVE_SECONDS} seconds, which keeps
 * proxies and the connector's idle timeout from closing a quiet stream and lets a browser notice an
 * agent that went away. A browser too slow to take {@link #MAX_QUEUED} events is dropped; it
 * reconnects and reloads.
 */
final class EventStream implements AutoCloseable {
  static final int KEEP_ALIVE_SECONDS = 25;
  static final int MAX_QUEUED = 2048;
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  private final Overview overview;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final Runnable unsubscribe;
  private final Runnable unsubscribePreviews;
  private final Supplier<List<OpenPreview>> previews;
  private final ScheduledExecutorService keepAlive;

  EventStream(ActivityFeed feed, Overview overview, Supplier<List<OpenPreview>> previews) {
    this.overview = overview;
    this.previews = previews;
    this.unsubscribe = feed.subscribe(this::changed);
    this.unsubscribePreviews = feed.subscribePreviews(this::previewsChanged);
    this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "capstan-event-stream");
      t.setDaemon(true);
      return t;
    });
    keepAlive.scheduleAtFixedRate(() -> broadcast(KEEP_ALIVE), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
  }

  int clients() {
    return clients.size();
  }

  /** Opens a stream on this request; the response stays open until the browser leaves or the agent stops. */
  boolean open(Request request, Response response, Callback callback) {
    request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(KEEP_ALIVE_SECONDS * 3_000L);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store");
    response.getHeaders().put("X-Accel-Buffering", "no");
    Client client = new Client(response, callback);
    clients.add(client);
    client.send(event("hello", Map.of("retryMillis", 2000, "previews", previews.get().size())));
    return true;
  }

  private void changed(String app) {
    Optional<AppRow> row = overview.row(app);
    broadcast(row.isPresent() ? event("app", row.get()) : event("removed", Map.of("name", app)));
  }

  /** A small {@code previews} event with how many are open; a page showing them reads {@code /api/v1/previews} again. */
  private void previewsChanged() {
    broadcast(event("previews", Map.of("open", previews.get().size())));
  }

  private void broadcast(byte[] message) {
    for (Client client : clients) {
      client.send(message);
    }
  }

  private static byte[] event(String name, Object data) {
    try {
      // One line of JSON: a newline inside data would end the event early.
      String json = Replies.COMPACT_JSON.writeValueAsString(data);
      return ("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a " + name + " event: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void close() {
    unsubscribe.run();
    unsubscribePreviews.run();
    keepAlive.shutdownNow();
    clients.forEach(Client::end);
  }

  /** One browser's stream: writes go out one at a time, in order, as Jetty requires. */
  private final class Client {
    private final Response response;
    private final Callback done;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    Client(Response response, Callback done) {
      this.response = response;
      this.done = done;
    }

    void send(byte[] message) {
      synchronized (this) {
        if (closed) {
          return;
        }
        if (queue.size() >= MAX_QUEUED) {
          fail(new IllegalStateException("the browser is not reading its event stream"));
          return;
        }
        queue.add(message);
        if (writing) {
          return;
        }
        writing = true;
      }
      writeNext();
    }

    private void writeNext() {
      byte[] next;
      synchronized (this) {
        next = closed ? null : queue.poll();
        if (next == null) {
          writing = false;
          return;
        }
      }
      response.write(false, ByteBuffer.wrap(next), Callback.from(this::writeNext, this::fail));
    }

    private void fail(Throwable cause) {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        queue.clear();
      }
      clients.remove(this);
      done.failed(cause);
    }

    void end() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      clients.remove(this);
      done.succeeded();
    }
  }
}

package dev.capstan.chartrepo.index;

import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.HttpTransport.Auth;
import dev.capstan.chartrepo.http.HttpTransport.Request;
import dev.capstan.chartrepo.http.HttpTransport.Response;
import dev.capstan.chartrepo.http.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Helm HTTP repositories. {@link #index} keeps each repository's last index with its
 * {@code ETag}, so an unchanged index costs one conditional request ({@code If-None-Match} → 304)
 * and no download or parse; callers asking within {@code maxAge} of the last answer get it without
 * any request, and concurrent callers for one repository share one request. With an index folder
 * the ETag and body survive the process (the CLI's case). Thread-safe.
 */
public final class HelmRepositoryClient {
  /** What {@link #index} found: the index, and whether it was downloaded (false: 304 or still fresh). */
  public record IndexFetch(RepositoryIndex index, boolean downloaded, Optional<String> etag) {}

  private record Cached(RepositoryIndex index, Optional<String> etag, Instant checked) {}

  private final HttpTransport transport;
  private final Path indexDir;
  private final Clock clock;
  private final ConcurrentHashMap<URI, Object> locks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<URI, Cached> cache = new ConcurrentHashMap<>();
  /** Origins that answered 401: they get the credentials with the first request from then on. */
  private final java.util.Set<URI> challenged = ConcurrentHashMap.newKeySet();

  private HelmRepositoryClient(HttpTransport transport, Path indexDir, Clock clock) {
    this.transport = transport;
    this.indexDir = indexDir;
    this.clock = clock;
  }

  /** A client that remembers indexes in memory only. */
  public static HelmRepositoryClient inMemory(HttpTransport transport) {
    return new HelmRepositoryClient(transport, null, Clock.systemUTC());
  }

  /** A client that also keeps indexes and their ETags under {@code indexDir}. */
  public static HelmRepositoryClient persistent(HttpTransport transport, Path indexDir) {
    return new HelmRepositoryClient(transport, indexDir, Clock.systemUTC());
  }

  /** The repository's index, asking the server again only when the last answer is older than {@code maxAge}. */
  public IndexFetch index(HelmRepository repo, Duration maxAge) {
    URI url = repo.indexUrl();
    synchronized (locks.computeIfAbsent(url, u -> new Object())) {
      Cached known = cache.get(url);
      if (known == null && indexDir != null) {
        known = loadPersisted(url);
      }
      if (known != null && Duration.between(known.checked(), clock.instant()).compareTo(maxAge) < 0) {
        return new IndexFetch(known.index(), false, known.etag());
      }
      String where = url.toString();
      Request request = Request.get(url, where, transport.options().maxIndexBytes());
      if (known != null && known.etag().isPresent()) {
        request = request.withHeader("If-None-Match", known.etag().get());
      }
      Response response = send(request, Auth.of(repo.url(), repo.credentials()));
      if (response.status() == 304 && known != null) {
        cache.put(url, new Cached(known.index(), known.etag(), clock.instant()));
        return new IndexFetch(known.index(), false, known.etag());
      }
      check(response, where, "index.yaml");
      RepositoryIndex index = IndexReader.read(response.body(), where, transport.options().maxIndexBytes());
      Optional<String> etag = response.header("ETag");
      cache.put(url, new Cached(index, etag, clock.instant()));
      persist(url, response.body(), etag);
      return new IndexFetch(index, true, etag);
    }
  }

  /** The repository's index, always checked with the server (one conditional request when unchanged). */
  public IndexFetch index(HelmRepository repo) {
    return index(repo, Duration.ZERO);
  }

  /**
   * Downloads the archive of {@code entry} (its first URL), checks it against the index's digest
   * when the index publishes one, and returns its bytes and digest.
   */
  public Downloaded download(HelmRepository repo, IndexEntry entry) {
    if (entry.urls().isEmpty()) {
      throw new SourceException(repo.indexUrl().toString(), SourceException.Reason.NOT_FOUND,
          "chart \"" + entry.name() + "\" " + entry.version() + " has no download URL in the index");
    }
    URI url = repo.resolve(entry.urls().get(0));
    String where = url.toString();
    Response response = send(Request.get(url, where, transport.options().maxChartBytes()), Auth.of(repo.url(), repo.credentials()));
    check(response, where, "chart archive");
    Digest actual = Digest.of(response.body());
    if (entry.digest().isPresent() && !entry.digest().get().equals(actual)) {
      throw new SourceException(where, SourceException.Reason.DIGEST_MISMATCH,
          "digest mismatch: index.yaml publishes " + entry.digest().get() + " but the archive is " + actual);
    }
    return new Downloaded(response.body(), actual);
  }

  /**
   * The provenance file Helm keeps beside the archive of {@code entry} (its URL plus {@code .prov}),
   * at most {@code maxBytes}; empty when the repository has none (HTTP 404).
   */
  public Optional<Provenance> downloadProvenance(HelmRepository repo, IndexEntry entry, long maxBytes) {
    if (entry.urls().isEmpty()) {
      return Optional.empty();
    }
    URI archive = repo.resolve(entry.urls().get(0));
    URI url = URI.create(archive + ".prov");
    Response response = send(Request.get(url, url.toString(), maxBytes), Auth.of(repo.url(), repo.credentials()));
    if (response.status() == 404) {
      return Optional.empty();
    }
    check(response, url.toString(), "provenance file");
    String path = archive.getPath() == null ? "" : archive.getPath();
    return Optional.of(new Provenance(archive.toString(), path.substring(path.lastIndexOf('/') + 1), response.body()));
  }

  /** A chart archive's provenance file: the archive's URL, its file name (what the .prov signs) and the .prov's bytes. */
  public record Provenance(String archiveUrl, String fileName, byte[] bytes) {}

  /**
   * Sends {@code request}, with {@code auth} only where the server asked for it: the first request to
   * an origin goes without credentials, and a 401 from that origin (not from a host a redirect led
   * to) is answered once with them, as Git sources are. An origin that asked once is remembered, so
   * later requests carry the credentials from the start and an unchanged index still costs one request.
   */
  private Response send(Request request, Optional<Auth> auth) {
    if (auth.isEmpty()) {
      return transport.send(request);
    }
    URI origin = origin(request.uri());
    if (challenged.contains(origin)) {
      return transport.send(request.withAuth(auth));
    }
    Response first = transport.send(request);
    if (first.status() != 401 || !HttpTransport.sameOrigin(origin, first.uri()) || !HttpTransport.sameOrigin(auth.get().origin(), origin)) {
      return first;
    }
    challenged.add(origin);
    return transport.send(request.withAuth(auth));
  }

  private static URI origin(URI uri) {
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
  }

  /** A downloaded archive and its sha256 digest. */
  public record Downloaded(byte[] archive, Digest digest) {}

  static void check(Response response, String where, String what) {
    int s = response.status();
    if (s == 200) {
      return;
    }
    if (s == 401 || s == 403) {
      throw new SourceException(where, SourceException.Reason.UNAUTHORIZED, "access denied (HTTP " + s + "): check the credentials");
    }
    if (s == 404) {
      throw new SourceException(where, SourceException.Reason.NOT_FOUND, what + " not found (HTTP 404)");
    }
    throw new SourceException(where, SourceException.Reason.PROTOCOL, "unexpected HTTP " + s + " for the " + what);
  }

  private Path persistedBody(URI url) {
    return indexDir.resolve(Digest.of(url.toString().getBytes(StandardCharsets.UTF_8)).hex() + ".yaml");
  }

  private Cached loadPersisted(URI url) {
    Path body = persistedBody(url);
    Path etag = body.resolveSibling(body.getFileName() + ".etag");
    try {
      if (!Files.isRegularFile(body) || !Files.isRegularFile(etag)) {
        return null;
      }
      RepositoryIndex index = IndexReader.read(Files.readAllBytes(body), url.toString(), transport.options().maxIndexBytes());
      return new Cached(index, Optional.of(Files.readString(etag).strip()).filter(e -> !e.isEmpty()), Instant.EPOCH);
    } catch (IOException | SourceException e) {
      return null; // a damaged copy only costs a full download
    }
  }

  private void persist(URI url, byte[] body, Optional<String> etag) {
    if (indexDir == null) {
      return;
    }
    Path target = persistedBody(url);
    try {
      Files.createDirectories(indexDir);
      Path tmp = Files.createTempFile(indexDir, ".index-", ".part");
      Files.write(tmp, body);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path etagTmp = Files.createTempFile(indexDir, ".etag-", ".part");
      Files.writeString(etagTmp, etag.orElse(""));
      Files.move(etagTmp, target.resolveSibling(target.getFileName() + ".etag"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index cache " + indexDir + ": " + e.getMessage(), e);
    }
  }
}

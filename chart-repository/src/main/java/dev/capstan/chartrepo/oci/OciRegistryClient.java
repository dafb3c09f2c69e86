package dev.capstan.chartrepo.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.HttpTransport.Auth;
import dev.capstan.chartrepo.http.HttpTransport.Request;
import dev.capstan.chartrepo.http.HttpTransport.Response;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI distribution-spec client for Helm charts on java.net.http: tag lists (paginated),
 * manifests (GET and HEAD), blobs (digest- and size-checked), blob upload and manifest push. The
 * ORAS Java SDK 0.2.15 was not taken: it is alpha, versions up to 0.6.1 carry a path-traversal
 * advisory (GHSA-xm96-gfjx-jcrc) in the file extraction we would not use anyway, and Helm charts
 * need only these six calls. Authentication is answered per challenge
 * ({@link RegistryAuthenticator}): anonymous, basic, or the token flow. {@code plainHttp} in the
 * transport options selects {@code http://} (a loopback registry). Thread-safe.
 */
public final class OciRegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final int MAX_TAG_PAGES = 100;

  private final HttpTransport transport;
  private final RegistryAuthenticator authenticator;

  public OciRegistryClient(HttpTransport transport) {
    this.transport = transport;
    this.authenticator = new RegistryAuthenticator(transport);
  }

  /** Every tag of the repository {@code ref} names. */
  public List<String> tags(OciReference ref, Credentials credentials) {
    List<String> tags = new ArrayList<>();
    URI next = api(ref, "/tags/list?n=1000");
    for (int page = 0; next != null; page++) {
      if (page >= MAX_TAG_PAGES) {
        throw new SourceException(ref.toString(), SourceException.Reason.TOO_LARGE, "more than " + MAX_TAG_PAGES + " pages of tags");
      }
      Response r = send(ref, credentials, Request.get(next, ref.toString(), TransportOptions.MAX_SMALL_BYTES), false);
      if (r.status() == 404) {
        throw new SourceException(ref.toString(), SourceException.Reason.NOT_FOUND, "repository not found in the registry");
      }
      check(r, ref.toString(), "tag list");
      try {
        JsonNode body = JSON.readTree(r.body());
        body.path("tags").forEach(t -> tags.add(t.asText()));
      } catch (IOException e) {
        throw new SourceException(ref.toString(), SourceException.Reason.MALFORMED, "the tag list is not JSON", e);
      }
      URI current = next;
      next = r.header("Link").map(NEXT_LINK::matcher).filter(Matcher::find).map(m -> current.resolve(m.group(1))).orElse(null);
    }
    return tags;
  }

  /** The manifest {@code reference} (a tag or {@code sha256:...}) names, checked against a digest reference. */
  public OciManifest manifest(OciReference ref, String reference, Credentials credentials) {
    String where = ref.toString();
    Request get = Request.get(api(ref, "/manifests/" + reference), where, TransportOptions.MAX_SMALL_BYTES)
        .withHeader("Accept", HelmMediaTypes.OCI_MANIFEST);
    Response r = send(ref, credentials, get, false);
    if (r.status() == 404) {
      throw new SourceException(where, SourceException.Reason.NOT_FOUND, "no manifest " + reference + " in the registry");
    }
    check(r, where, "manifest");
    OciManifest manifest = OciManifest.parse(r.body(), where);
    Digest.parse(reference).ifPresent(pinned -> {
      if (!pinned.equals(manifest.digest())) {
        throw new SourceException(where, SourceException.Reason.DIGEST_MISMATCH,
            "the registry served a manifest whose digest is " + manifest.digest() + ", not " + pinned);
      }
    });
    return manifest;
  }

  /** The digest of the manifest {@code tag} names (one HEAD request), or empty when there is none. */
  public Optional<Digest> manifestDigest(OciReference ref, String tag, Credentials credentials) {
    Request head = Request.get(api(ref, "/manifests/" + tag), ref.toString(), 0)
        .withHeader("Accept", HelmMediaTypes.OCI_MANIFEST).withMethod("HEAD", null);
    Response r = send(ref, credentials, head, false);
    if (r.status() == 404) {
      return Optional.empty();
    }
    check(r, ref.toString(), "manifest");
    return r.header("Docker-Content-Digest").flatMap(Digest::parse);
  }

  /** The blob {@code d} describes, checked against its digest and size. */
  public byte[] blob(OciReference ref, OciManifest.Descriptor d, Credentials credentials) {
    String where = ref + " blob " + d.digest();
    long max = Math.min(d.size(), transport.options().maxChartBytes());
    if (d.size() > transport.options().maxChartBytes()) {
      throw new SourceException(where, SourceException.Reason.TOO_LARGE, "the blob is " + d.size() + " bytes, more than "
          + transport.options().maxChartBytes() + " allowed");
    }
    Response r = send(ref, credentials, Request.get(api(ref, "/blobs/" + d.digest()), where, max), false);
    check(r, where, "blob");
    if (!Digest.of(r.body()).equals(d.digest()) || r.body().length != d.size()) {
      throw new SourceException(where, SourceException.Reason.DIGEST_MISMATCH,
          "the registry served " + r.body().length + " bytes with digest " + Digest.of(r.body()) + ", not what the manifest names");
    }
    return r.body();
  }

  /** Uploads {@code bytes} as a blob unless the registry has it already; returns its descriptor. */
  public OciManifest.Descriptor pushBlob(OciReference ref, String mediaType, byte[] bytes, Credentials credentials) {
    Digest digest = Digest.of(bytes);
    String where = ref.toString();
    Request head = Request.get(api(ref, "/blobs/" + digest), where, 0).withMethod("HEAD", null);
    if (send(ref, credentials, head, true).status() == 200) {
      return new OciManifest.Descriptor(mediaType, digest, bytes.length);
    }
    Request start = Request.get(api(ref, "/blobs/uploads/"), where, TransportOptions.MAX_SMALL_BYTES).withMethod("POST", new byte[0]);
    Response started = send(ref, credentials, start, true);
    check(started, where, "blob upload", 202);
    String location = started.header("Location").orElseThrow(() -> new SourceException(where,
        SourceException.Reason.PROTOCOL, "the registry started an upload without a Location"));
    URI upload = start.uri().resolve(location);
    URI put = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
    Request finish = new Request("PUT", put, Map.of("Content-Type", "application/octet-stream"), bytes, Optional.empty(),
        TransportOptions.MAX_SMALL_BYTES, where);
    check(send(ref, credentials, finish, true), where, "blob upload", 201);
    return new OciManifest.Descriptor(mediaType, digest, bytes.length);
  }

  /** Puts {@code manifest} under {@code tag}; returns the manifest's digest. */
  public Digest pushManifest(OciReference ref, String tag, byte[] manifest, Credentials credentials) {
    Request put = new Request("PUT", api(ref, "/manifests/" + tag), Map.of("Content-Type", HelmMediaTypes.OCI_MANIFEST),
        manifest, Optional.empty(), TransportOptions.MAX_SMALL_BYTES, ref.toString());
    check(send(ref, credentials, put, true), ref.toString(), "manifest push", 201);
    return Digest.of(manifest);
  }

  /**
   * Checks {@code credentials} against {@code registry} ({@code host[:port]}) with {@code GET /v2/},
   * answering its challenge as for any request, as {@code helm registry login} does before it saves
   * a login. A refusal is a {@link SourceException} ({@code UNAUTHORIZED}) without the secret.
   */
  public void checkLogin(String registry, Credentials credentials) {
    String scheme = transport.options().plainHttp() ? "http" : "https";
    URI ping = URI.create(scheme + "://" + registry + "/v2/");
    Request get = Request.get(ping, registry, TransportOptions.MAX_SMALL_BYTES);
    Response r = transport.send(get);
    if (r.status() == 401) {
      URI origin = RegistryAuthenticator.originOf(ping);
      Optional<Auth> answer = authenticator.answer(origin, "", r, credentials, registry);
      authenticator.forget(origin, "");
      if (answer.isEmpty()) {
        throw new SourceException(registry, SourceException.Reason.UNAUTHORIZED, "the registry asks for an unsupported authentication: "
            + r.header("WWW-Authenticate").map(h -> h.split(" ", 2)[0]).orElse("none"));
      }
      r = transport.send(get.withAuth(answer));
    }
    if (r.status() == 401 || r.status() == 403) {
      throw new SourceException(registry, SourceException.Reason.UNAUTHORIZED, "the registry refused the credentials (HTTP " + r.status() + ")");
    }
    check(r, registry, "login check");
  }

  private URI api(OciReference ref, String path) {
    String scheme = transport.options().plainHttp() ? "http" : "https";
    return URI.create(scheme + "://" + ref.registry() + "/v2/" + ref.repository() + path);
  }

  /** Sends with the remembered answer for this scope; on a 401 answers the challenge and retries once. */
  private Response send(OciReference ref, Credentials credentials, Request request, boolean push) {
    URI origin = RegistryAuthenticator.originOf(request.uri());
    String scope = "repository:" + ref.repository() + (push ? ":pull,push" : ":pull");
    Optional<Auth> known = authenticator.known(origin, scope);
    Response r = transport.send(request.withAuth(known));
    if (r.status() != 401) {
      return r;
    }
    authenticator.forget(origin, scope);
    Optional<Auth> answer = authenticator.answer(origin, scope, r, credentials, ref.toString());
    if (answer.isEmpty()) {
      throw unauthorized(ref, credentials, 401);
    }
    r = transport.send(request.withAuth(answer));
    if (r.status() == 401) {
      authenticator.forget(origin, scope);
      throw unauthorized(ref, credentials, 401);
    }
    return r;
  }

  private static SourceException unauthorized(OciReference ref, Credentials credentials, int status) {
    return new SourceException(ref.toString(), SourceException.Reason.UNAUTHORIZED, credentials instanceof Credentials.None
        ? "the registry requires credentials (HTTP " + status + "): pass --username/--password"
        : "the registry refused the credentials (HTTP " + status + ")");
  }

  private static void check(Response r, String where, String what) {
    check(r, where, what, 200);
  }

  private static void check(Response r, String where, String what, int expected) {
    int s = r.status();
    if (s == expected) {
      return;
    }
    if (s == 401 || s == 403) {
      throw new SourceException(where, SourceException.Reason.UNAUTHORIZED, "access denied (HTTP " + s + ") for the " + what);
    }
    if (s == 404) {
      throw new SourceException(where, SourceException.Reason.NOT_FOUND, what + " not found (HTTP 404)");
    }
    throw new SourceException(where, SourceException.Reason.PROTOCOL, "unexpected HTTP " + s + " for the " + what);
  }
}

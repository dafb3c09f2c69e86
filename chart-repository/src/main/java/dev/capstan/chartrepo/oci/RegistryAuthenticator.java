package dev.capstan.chartrepo.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.HttpTransport.Auth;
import dev.capstan.chartrepo.http.HttpTransport.Request;
import dev.capstan.chartrepo.http.HttpTransport.Response;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a registry's {@code WWW-Authenticate} challenge, as the distribution spec and Docker's
 * token protocol describe: {@code Basic} gets the user's credentials; {@code Bearer realm=...,
 * service=..., scope=...} gets a token from the realm (asked with the user's credentials, or
 * anonymously) which is then sent as {@code Bearer}. Answers are remembered per registry and scope,
 * so a second pull of the same repository sends the token straight away. Thread-safe.
 */
final class RegistryAuthenticator {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpTransport transport;
  private final ConcurrentHashMap<String, Auth> answers = new ConcurrentHashMap<>();

  RegistryAuthenticator(HttpTransport transport) {
    this.transport = transport;
  }

  /** The remembered answer for this registry and scope, if any. */
  Optional<Auth> known(URI origin, String scope) {
    return Optional.ofNullable(answers.get(origin + " " + scope));
  }

  /** Answers the 401 {@code challenged}; empty when there is nothing to answer with. */
  Optional<Auth> answer(URI origin, String scope, Response challenged, Credentials credentials, String where) {
    String header = challenged.header("WWW-Authenticate").orElse("");
    String scheme = header.contains(" ") ? header.substring(0, header.indexOf(' ')) : header;
    Optional<Auth> auth;
    if (scheme.equalsIgnoreCase("Basic")) {
      auth = Auth.of(origin, credentials);
    } else if (scheme.equalsIgnoreCase("Bearer")) {
      auth = Optional.of(new Auth(origin, "Bearer " + token(params(header), scope, credentials, where)));
    } else {
      auth = Optional.empty();
    }
    auth.ifPresent(a -> answers.put(origin + " " + scope, a));
    return auth;
  }

  /** Forgets the answer for this scope (it was refused). */
  void forget(URI origin, String scope) {
    answers.remove(origin + " " + scope);
  }

  private String token(Map<String, String> challenge, String scope, Credentials credentials, String where) {
    String realm = challenge.get("realm");
    if (realm == null || realm.isBlank()) {
      throw new SourceException(where, SourceException.Reason.PROTOCOL, "the registry's Bearer challenge names no realm");
    }
    StringBuilder query = new StringBuilder();
    if (challenge.containsKey("service")) {
      query.append("service=").append(URLEncoder.encode(challenge.get("service"), StandardCharsets.UTF_8));
    }
    String wanted = challenge.getOrDefault("scope", scope);
    for (String s : wanted.split(" ")) {
      if (s.isBlank()) {
        continue; // a login check (GET /v2/) asks for a token without a scope
      }
      query.append(query.length() == 0 ? "" : "&").append("scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
    URI realmUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    Response r = transport.send(Request.get(realmUri, where, TransportOptions.MAX_SMALL_BYTES)
        .withAuth(Auth.of(originOf(realmUri), credentials)));
    if (r.status() == 401 || r.status() == 403) {
      throw new SourceException(where, SourceException.Reason.UNAUTHORIZED,
          "the registry's token service refused " + (credentials instanceof Credentials.None ? "anonymous access" : "the credentials")
              + " (HTTP " + r.status() + ")");
    }
    if (r.status() != 200) {
      throw new SourceException(where, SourceException.Reason.PROTOCOL, "the registry's token service answered HTTP " + r.status());
    }
    try {
      JsonNode body = JSON.readTree(r.body());
      String token = body.path("token").asText(body.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new SourceException(where, SourceException.Reason.PROTOCOL, "the registry's token service sent no token");
      }
      return token;
    } catch (IOException e) {
      throw new SourceException(where, SourceException.Reason.PROTOCOL, "the registry's token service sent no JSON", e);
    }
  }

  static Map<String, String> params(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
    }
    return out;
  }

  static URI originOf(URI uri) {
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
  }
}

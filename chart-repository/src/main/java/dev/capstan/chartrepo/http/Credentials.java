package dev.capstan.chartrepo.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What to present to a repository or registry: nothing, a user name and password (HTTP basic; for a
 * registry also what its token service is asked with), or a bearer token. {@link #toString()} never
 * shows the secret.
 */
public sealed interface Credentials {
  Credentials NONE = new None();

  static Credentials basic(String username, String password) {
    return new Basic(username, password);
  }

  static Credentials bearer(String token) {
    return new Bearer(token);
  }

  /** The {@code Authorization} header value these credentials send directly, if any. */
  Optional<String> authorization();

  /** No credentials. */
  record None() implements Credentials {
    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }
  }

  /** HTTP basic. */
  record Basic(String username, String password) implements Credentials {
    @Override
    public Optional<String> authorization() {
      String pair = username + ":" + (password == null ? "" : password);
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic[" + username + ", ***]";
    }
  }

  /** A bearer token. */
  record Bearer(String token) implements Credentials {
    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }
}

package dev.capstan.git.auth;

import dev.capstan.core.CapstanException;
import dev.capstan.core.Secret;
import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where a source's credentials come from; the values are read at fetch time so a rotated secret is
 * picked up on the next poll.
 *
 * <p>{@link Kind#DIRECTORY}: a folder laid out like a mounted Kubernetes Secret, one value per file.
 * {@link Kind#STORE}: the same keys, read by the caller (a Kubernetes Secret through the API). Keys:
 * {@code url} (required with credentials: the repository URL or URL prefix they are for, see
 * {@link CredentialScope}), {@code username}, {@code password} or {@code token} (HTTPS),
 * {@code identity} or Argo CD's {@code sshPrivateKey} (SSH private key), {@code passphrase},
 * {@code known_hosts}.
 *
 * <p>{@link Kind#ENV}: variables with a prefix: {@code P_USERNAME}, {@code P_PASSWORD} or
 * {@code P_TOKEN}, {@code P_IDENTITY} (key text) or {@code P_IDENTITY_FILE}, {@code P_PASSPHRASE},
 * {@code P_KNOWN_HOSTS_FILE}. The operator's own environment: bound to the repository it is used for.
 *
 * @param store for {@link Kind#STORE}, reads every key at once; null for the other kinds
 */
public record CredentialsRef(Kind kind, String location, Supplier<Map<String, String>> store) {

  public enum Kind { NONE, DIRECTORY, ENV, STORE }

  public CredentialsRef(Kind kind, String location) {
    this(kind, location, null);
  }

  public static CredentialsRef none() {
    return new CredentialsRef(Kind.NONE, "");
  }

  public static CredentialsRef directory(Path dir) {
    return new CredentialsRef(Kind.DIRECTORY, dir.toString());
  }

  public static CredentialsRef env(String prefix) {
    return new CredentialsRef(Kind.ENV, prefix);
  }

  /**
   * Credentials the caller reads, all keys at once, on every fetch. {@code description} names them in
   * messages and tells two stores apart in the repository cache (a Secret's namespace and name).
   * The supplier reports a missing or unreadable store with a {@link dev.capstan.core.CapstanException}.
   */
  public static CredentialsRef store(String description, Supplier<Map<String, String>> keys) {
    return new CredentialsRef(Kind.STORE, description, java.util.Objects.requireNonNull(keys, "keys"));
  }

  /** Reads the credentials from the process environment or the directory. */
  public Credentials load() {
    return load(System::getenv);
  }

  /** Reads the credentials, with {@code env} standing in for the process environment. */
  public Credentials load(UnaryOperator<String> env) {
    UnaryOperator<String> lookup = switch (kind) {
      case NONE -> name -> null;
      case DIRECTORY -> this::readFile;
      case ENV -> name -> env.apply(location + "_" + name.toUpperCase(java.util.Locale.ROOT));
      case STORE -> readStore()::get;
    };
    String identity = lookup.apply("identity");
    if (identity == null && kind != Kind.ENV) {
      identity = lookup.apply("sshPrivateKey");
    }
    if (identity == null && kind == Kind.ENV) {
      String file = lookup.apply("identity_file");
      identity = file == null ? null : readPath(Path.of(file), "identity_file");
    }
    String knownHosts = switch (kind) {
      case ENV -> lookup.apply("known_hosts_file");
      case DIRECTORY -> knownHostsFile();
      case STORE -> Optional.ofNullable(lookup.apply("known_hosts"))
          .map(text -> PublicKeyFiles.write(text.getBytes(StandardCharsets.UTF_8), ".known_hosts").toString()).orElse(null);
      case NONE -> null;
    };
    if (identity != null) {
      return new Credentials.SshKey(Secret.of(identity),
          Optional.ofNullable(lookup.apply("passphrase")).map(String::strip).map(Secret::of),
          Optional.ofNullable(knownHosts).map(Path::of), scope(lookup));
    }
    String password = lookup.apply("password");
    String token = lookup.apply("token");
    if (password != null || token != null) {
      String user = Optional.ofNullable(lookup.apply("username")).map(String::strip).orElse("git");
      return new Credentials.Basic(user, Secret.of((password != null ? password : token).strip()), scope(lookup));
    }
    if (kind != Kind.NONE && knownHosts == null) {
      throw new GitSyncException(this.toString(), "no credentials found (expected username/password, "
          + "token or identity)");
    }
    return new Credentials.Anonymous();
  }

  /**
   * A Secret-shaped source must say which repository its credentials are for, as an Argo CD
   * repository Secret does; naming the Secret in an Application is not enough to send them anywhere.
   */
  private Optional<CredentialScope> scope(UnaryOperator<String> lookup) {
    if (kind == Kind.ENV || kind == Kind.NONE) {
      return Optional.empty();
    }
    String url = lookup.apply("url");
    if (url == null) {
      throw new GitSyncException(this.toString(), "key \"url\" is missing: it must give the repository URL or URL "
          + "prefix these credentials are for (as in an Argo CD repository Secret)");
    }
    return Optional.of(CredentialScope.parse(url, this + ": key \"url\""));
  }

  private Map<String, String> readStore() {
    try {
      Map<String, String> keys = store.get();
      return keys == null ? Map.of() : keys;
    } catch (GitSyncException e) {
      throw e;
    } catch (CapstanException e) {
      throw new GitSyncException(this.toString(), e.getMessage(), e);
    }
  }
  private String knownHostsFile() {
    if (kind != Kind.DIRECTORY) {
      return null;
    }
    Path p = Path.of(location, "known_hosts");
    return Files.isRegularFile(p) ? p.toString() : null;
  }

  private String readFile(String name) {
    Path p = Path.of(location, name);
    return Files.isRegularFile(p) ? readPath(p, name) : null;
  }

  private String readPath(Path p, String what) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GitSyncException(this.toString(), "cannot read " + what + " from " + p + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "credentials(none)";
      case DIRECTORY -> "credentials(dir " + location + ")";
      case ENV -> "credentials(env " + location + "_*)";
      case STORE -> "credentials(" + location + ")";
    };
  }
}

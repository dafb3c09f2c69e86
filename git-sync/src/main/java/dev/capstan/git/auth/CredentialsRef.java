package dev.capstan.git.auth;

import dev.capstan.core.Secret;
import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a source's credentials come from; the values are read at fetch time so a rotated secret is
 * picked up on the next poll.
 *
 * <p>{@link Kind#DIRECTORY}: a folder laid out like a mounted Kubernetes Secret, one value per file:
 * {@code username}, {@code password} or {@code token} (HTTPS), {@code identity} (SSH private key),
 * {@code passphrase}, {@code known_hosts}.
 *
 * <p>{@link Kind#ENV}: variables with a prefix: {@code P_USERNAME}, {@code P_PASSWORD} or
 * {@code P_TOKEN}, {@code P_IDENTITY} (key text) or {@code P_IDENTITY_FILE}, {@code P_PASSPHRASE},
 * {@code P_KNOWN_HOSTS_FILE}.
 */
public record CredentialsRef(Kind kind, String location) {

  public enum Kind { NONE, DIRECTORY, ENV }

  public static CredentialsRef none() {
    return new CredentialsRef(Kind.NONE, "");
  }

  public static CredentialsRef directory(Path dir) {
    return new CredentialsRef(Kind.DIRECTORY, dir.toString());
  }

  public static CredentialsRef env(String prefix) {
    return new CredentialsRef(Kind.ENV, prefix);
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
    };
    String identity = lookup.apply("identity");
    if (identity == null && kind == Kind.ENV) {
      String file = lookup.apply("identity_file");
      identity = file == null ? null : readPath(Path.of(file), "identity_file");
    }
    String knownHosts = kind == Kind.ENV ? lookup.apply("known_hosts_file") : knownHostsFile();
    if (identity != null) {
      return new Credentials.SshKey(Secret.of(identity),
          Optional.ofNullable(lookup.apply("passphrase")).map(String::strip).map(Secret::of),
          Optional.ofNullable(knownHosts).map(Path::of));
    }
    String password = lookup.apply("password");
    String token = lookup.apply("token");
    if (password != null || token != null) {
      String user = Optional.ofNullable(lookup.apply("username")).map(String::strip).orElse("git");
      return new Credentials.Basic(user, Secret.of((password != null ? password : token).strip()));
    }
    if (kind != Kind.NONE && knownHosts == null) {
      throw new GitSyncException(this.toString(), "no credentials found (expected username/password, "
          + "token or identity)");
    }
    return new Credentials.Anonymous();
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
    };
  }
}

package dev.capstan.chartrepo.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Helm's registry login file: a Docker-style {@code config.json} whose {@code auths} map a registry
 * host ({@code 127.0.0.1:5000}; Docker Hub as {@code https://index.docker.io/v1/}) to
 * {@code {"auth": base64(user:password)}}. {@code helm registry login} and {@code capstan registry
 * login} write the same file, and each reads the other's. Other keys in the file are kept as they
 * are. The file is written whole (temporary file, atomic rename) with mode 0600, its folder 0700.
 * Credential helpers ({@code credsStore}, {@code credHelpers}) are not run: a login stored only in a
 * helper is reported as such.
 */
public final class RegistryConfigFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long MAX_BYTES = 4L << 20;
  private static final String DOCKER_HUB = "https://index.docker.io/v1/";

  private final Path file;

  private RegistryConfigFile(Path file) {
    this.file = file;
  }

  public static RegistryConfigFile at(Path file) {
    return new RegistryConfigFile(file);
  }

  /**
   * Helm's default: {@code $HELM_REGISTRY_CONFIG}, else {@code registry/config.json} under Helm's
   * config home ({@code $HELM_CONFIG_HOME}, {@code $XDG_CONFIG_HOME/helm}, {@code ~/.config/helm}).
   */
  public static Path defaultPath(Map<String, String> env) {
    String explicit = env.get("HELM_REGISTRY_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String helmHome = env.get("HELM_CONFIG_HOME");
    if (helmHome != null && !helmHome.isBlank()) {
      return Path.of(helmHome, "registry", "config.json");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("helm").resolve("registry").resolve("config.json");
  }

  public Path file() {
    return file;
  }

  /** The stored login for {@code host} ({@code host[:port]}), if any. */
  public Optional<Credentials> credentials(String host) {
    ObjectNode root = read();
    JsonNode auths = root.path("auths");
    JsonNode entry = auths.get(key(host));
    if (entry == null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (hostOf(e.getKey()).equals(host) || (isDockerHub(host) && e.getKey().equals(DOCKER_HUB))) {
          entry = e.getValue();
          break;
        }
      }
    }
    if (entry == null || !entry.isObject()) {
      if (root.path("credHelpers").hasNonNull(host)) {
        throw new CapstanException(file.toString(), "the login for " + host + " is kept by the credential helper docker-credential-"
            + root.path("credHelpers").get(host).asText() + ", which Capstan does not run: pass --username/--password");
      }
      return Optional.empty();
    }
    return Optional.of(credentialsOf(entry, host));
  }

  private Credentials credentialsOf(JsonNode entry, String host) {
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new CapstanException(file.toString(), "auths." + host + ".auth is not base64");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new CapstanException(file.toString(), "auths." + host + ".auth is not base64 of user:password");
      }
      return Credentials.basic(pair.substring(0, colon), pair.substring(colon + 1));
    }
    if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
      return Credentials.basic(entry.get("username").asText(), entry.get("password").asText());
    }
    if (!entry.path("registrytoken").asText("").isEmpty()) {
      return Credentials.bearer(entry.get("registrytoken").asText());
    }
    if (!entry.path("identitytoken").asText("").isEmpty()) {
      throw new CapstanException(file.toString(), "the login for " + host
          + " is an identity token (OAuth2 refresh token), which Capstan does not exchange: log in with a password");
    }
    throw new CapstanException(file.toString(), "auths." + host + " holds no auth, username/password or registrytoken");
  }

  /** Stores {@code username}/{@code password} for {@code host}, as {@code helm registry login} does. */
  public void login(String host, String username, String password) {
    ObjectNode root = read();
    JsonNode existing = root.get("auths");
    ObjectNode auths = existing instanceof ObjectNode o ? o : root.putObject("auths");
    ObjectNode entry = JSON.createObjectNode();
    entry.put("auth", Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    auths.set(key(host), entry);
    write(root);
  }

  /** Removes the login for {@code host}; false when there was none. */
  public boolean logout(String host) {
    if (!Files.exists(file)) {
      return false;
    }
    ObjectNode root = read();
    JsonNode auths = root.get("auths");
    if (!(auths instanceof ObjectNode o)) {
      return false;
    }
    boolean removed = o.remove(key(host)) != null;
    if (!removed) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        if (hostOf(it.next().getKey()).equals(host)) {
          it.remove();
          removed = true;
        }
      }
    }
    if (removed) {
      write(root);
    }
    return removed;
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CapstanException(file.toString(), "larger than " + MAX_BYTES + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return JSON.createObjectNode();
      }
      JsonNode root = JSON.readTree(bytes);
      if (!(root instanceof ObjectNode o)) {
        throw new CapstanException(file.toString(), "not a JSON object");
      }
      return o;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Jackson's message could quote the file's content, which holds credentials: give only the place.
      throw new CapstanException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr()), "not valid JSON");
    } catch (IOException e) {
      throw new CapstanException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode root) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        try {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
          // a race with another login: the folder is there
        } catch (UnsupportedOperationException e) {
          Files.createDirectories(dir);
        }
      }
      Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(tmp);
      }
      Files.write(tmp, JSON.writeValueAsBytes(root));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CapstanException(file.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  /** The key Helm (oras) stores {@code host} under. */
  static String key(String host) {
    return isDockerHub(host) ? DOCKER_HUB : host;
  }

  private static boolean isDockerHub(String host) {
    return host.equals("docker.io") || host.equals("registry-1.docker.io") || host.equals("index.docker.io");
  }

  /** {@code https://host:port/v1/} → {@code host:port}, as Docker's config lookup compares. */
  static String hostOf(String key) {
    String k = key;
    int scheme = k.indexOf("://");
    if (scheme >= 0) {
      k = k.substring(scheme + 3);
    }
    int slash = k.indexOf('/');
    return slash >= 0 ? k.substring(0, slash) : k;
  }
}

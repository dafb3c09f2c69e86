package dev.capstan.chartrepo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.http.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm's registry login file: what Capstan writes, what it reads from Docker-style files, and what it keeps. */
class RegistryConfigFileTest {
  @TempDir Path dir;

  @Test
  void loginWritesADockerStyleAuthPrivatelyAndReadsItBackForThatHostOnly() throws Exception {
    Path file = dir.resolve("helm/registry/config.json");
    RegistryConfigFile config = RegistryConfigFile.at(file);
    config.login("127.0.0.1:5000", "ci", "s3cret");
    assertThat(Files.readString(file)).isEqualToIgnoringWhitespace("{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"Y2k6czNjcmV0\"}}}");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(config.credentials("127.0.0.1:5000")).contains(Credentials.basic("ci", "s3cret"));
    assertThat(config.credentials("127.0.0.1:5001")).isEmpty();
    assertThat(config.credentials("127.0.0.1")).isEmpty();
  }

  @Test
  void readsWhatDockerAndOlderHelmWriteAndKeepsOtherKeys() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), """
        {"auths": {
           "https://registry.example.com/v1/": {"auth": "dTpw"},
           "plain.example.com": {"username": "u2", "password": "p2"},
           "token.example.com": {"registrytoken": "abc"},
           "https://index.docker.io/v1/": {"auth": "aHViOnB3"}
         },
         "HttpHeaders": {"User-Agent": "x"}}
        """);
    RegistryConfigFile config = RegistryConfigFile.at(file);
    assertThat(config.credentials("registry.example.com")).contains(Credentials.basic("u", "p"));
    assertThat(config.credentials("plain.example.com")).contains(Credentials.basic("u2", "p2"));
    assertThat(config.credentials("token.example.com")).contains(Credentials.bearer("abc"));
    assertThat(config.credentials("docker.io")).contains(Credentials.basic("hub", "pw"));

    config.login("new.example.com:5000", "a", "b");
    assertThat(config.logout("registry.example.com")).isTrue();
    assertThat(config.logout("registry.example.com")).isFalse();
    String after = Files.readString(file);
    assertThat(after).contains("\"HttpHeaders\"", "\"plain.example.com\"", "\"new.example.com:5000\"").doesNotContain("dTpw");
  }

  @Test
  void aBrokenFileIsOneLineWithoutItsContent() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"h\": {\"auth\": \"c2VjcmV0LXZhbHVl\"}\n");
    assertThatThrownBy(() -> RegistryConfigFile.at(file).credentials("h"))
        .hasMessageStartingWith(file + ":").hasMessageEndingWith(": not valid JSON").hasMessageNotContaining("c2VjcmV0");
    Path helper = Files.writeString(dir.resolve("helper.json"), "{\"credHelpers\": {\"gcr.io\": \"gcloud\"}}");
    assertThatThrownBy(() -> RegistryConfigFile.at(helper).credentials("gcr.io"))
        .hasMessage(helper + ": the login for gcr.io is kept by the credential helper docker-credential-gcloud, "
            + "which Capstan does not run: pass --username/--password");
    assertThat(RegistryConfigFile.at(dir.resolve("absent.json")).credentials("h")).isEqualTo(Optional.empty());
  }

  @Test
  void theDefaultPathIsHelms() {
    assertThat(RegistryConfigFile.defaultPath(Map.of("HELM_REGISTRY_CONFIG", "/x/r.json"))).isEqualTo(Path.of("/x/r.json"));
    assertThat(RegistryConfigFile.defaultPath(Map.of("HELM_CONFIG_HOME", "/h"))).isEqualTo(Path.of("/h/registry/config.json"));
    assertThat(RegistryConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/xdg"))).isEqualTo(Path.of("/xdg/helm/registry/config.json"));
    assertThat(RegistryConfigFile.defaultPath(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".config/helm/registry/config.json"));
  }
}

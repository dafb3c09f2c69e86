package dev.capstan.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.Application;
import dev.capstan.git.auth.Credentials;
import dev.capstan.git.source.GitSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files mode: {@code secretRef} names a folder directly under {@code --credentials-dir}, laid out as
 * Kubernetes mounts a Secret (keys are symlinks into {@code ..data}).
 */
class FolderSecretsTest {
  @TempDir Path dir;

  private static Application app(String source) {
    return FakeWorld.app("shop", "source: " + source);
  }

  /** What the kubelet leaves: a timestamped folder, ..data pointing at it, each key a symlink. */
  private Path mounted(String name, String... keysAndValues) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Path data = Files.createDirectories(folder.resolve("..2026_12_04_10_00_00.123"));
    Files.createSymbolicLink(folder.resolve("..data"), data.getFileName());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Files.writeString(data.resolve(keysAndValues[i]), keysAndValues[i + 1]);
      Files.createSymbolicLink(folder.resolve(keysAndValues[i]), Path.of("..data", keysAndValues[i]));
    }
    return folder;
  }

  @Test
  void aMountedSecretsKeysAreReadAndItsBookkeepingIsNot() throws Exception {
    mounted("shop-git", "url", "https://github.com/acme", "username", "bot", "password", "tok3n");
    FolderSecrets secrets = new FolderSecrets(dir);
    Application app = app("{repoURL: \"https://github.com/acme/shop.git\", secretRef: shop-git}");

    assertThat(secrets.read(app, "shop-git")).containsOnlyKeys("url", "username", "password");
    GitSource source = SourceOf.located(app, app.getSpec().deployedSource(), secrets);
    Credentials loaded = source.credentials().load();
    assertThat(loaded).isInstanceOf(Credentials.Basic.class);
    assertThat(((Credentials.Basic) loaded).password().reveal()).isEqualTo("tok3n");
    assertThat(source.credentials().toString()).isEqualTo("credentials(folder " + dir.resolve("shop-git") + ")");
  }

  /** The kubelet rotates a mounted Secret by pointing ..data at a new folder; the same source then loads the new value. */
  @Test
  void aRotatedMountedSecretIsWhatTheNextFetchLoads() throws Exception {
    Path folder = mounted("shop-git", "url", "https://github.com/acme", "username", "bot", "password", "old-tok3n");
    GitSource source = SourceOf.located(app("{repoURL: \"https://github.com/acme/shop.git\", secretRef: shop-git}"),
        app("{repoURL: \"https://github.com/acme/shop.git\", secretRef: shop-git}").getSpec().deployedSource(), new FolderSecrets(dir));
    assertThat(((Credentials.Basic) source.credentials().load()).password().reveal()).isEqualTo("old-tok3n");

    Path next = Files.createDirectories(folder.resolve("..2026_12_04_11_00_00.456"));
    Files.writeString(next.resolve("url"), "https://github.com/acme");
    Files.writeString(next.resolve("username"), "bot");
    Files.writeString(next.resolve("password"), "new-tok3n");
    Path link = Files.createSymbolicLink(folder.resolve("..data_tmp"), next.getFileName());
    Files.move(link, folder.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(((Credentials.Basic) source.credentials().load()).password().reveal()).isEqualTo("new-tok3n");
  }

  @Test
  void aNameThatIsNotASecretsNeverBecomesAPath() {
    FolderSecrets secrets = new FolderSecrets(dir);
    Application app = app("{repoURL: \"https://github.com/acme/shop.git\"}");

    assertThatThrownBy(() -> secrets.read(app, "../../var/run/secrets/kubernetes.io/serviceaccount"))
        .hasMessageStartingWith("spec.source.secretRef: must name a Secret");
    assertThatThrownBy(() -> secrets.read(app, "missing")).hasMessage("folder " + dir.resolve("missing") + ": no such folder");
  }

  @Test
  void moreThanASecretCanHoldIsRefused() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("huge"));
    Files.write(folder.resolve("password"), new byte[(1 << 20) + 1]);

    assertThatThrownBy(() -> new FolderSecrets(dir).read(app("{repoURL: \"https://x.example/y.git\"}"), "huge"))
        .hasMessageContaining("holds more than a Secret can (1 MiB)");
  }

  @Test
  void trustedKeysComeFromTheFolderVerifyNames() throws Exception {
    Files.createDirectories(dir.resolve("keys"));
    Files.write(dir.resolve("keys").resolve("allowed_signers"),
        "dev@example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
            .getBytes(StandardCharsets.UTF_8));
    Application app = app("{repoURL: \"https://github.com/acme/shop.git\", verify: {mode: Tag, secretRef: keys}}");

    GitSource source = SourceOf.fetched(app, app.getSpec().deployedSource(), new FolderSecrets(dir));

    assertThat(source.verification().required()).isTrue();
    assertThat(source.verification().target()).hasToString("TAG");
    assertThat(source.verification().sshAllowedSigners()).get().satisfies(p -> assertThat(Files.readString(p))
        .startsWith("dev@example.com ssh-ed25519"));
    Application noKeys = app("{repoURL: \"https://x.example/y.git\", verify: {secretRef: nokeys}}");
    assertThatThrownBy(() -> SourceOf.fetched(noKeys, noKeys.getSpec().deployedSource(), new FolderSecrets(dir)))
        .hasMessageStartingWith("spec.source.verify.secretRef: folder " + dir.resolve("nokeys") + ": no such folder");
  }
}

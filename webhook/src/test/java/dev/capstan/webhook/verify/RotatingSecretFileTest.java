package dev.capstan.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.core.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key of a mounted Secret, rotated as the kubelet does it: the key file links into ..data, which is swapped atomically. */
class RotatingSecretFileTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void aSwappedDataLinkIsReadOnceMaxAgeHasPassed(@TempDir Path mount) throws Exception {
    Path token = mountedKey(mount, "token", "v1", "first-token");
    Supplier<Secret> secret = SecretValues.fromRotatingFile(token, Duration.ofSeconds(5), now::get);
    assertThat(secret.get().reveal()).isEqualTo("first-token");

    swap(mount, "token", "v2", "second-token");
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(secret.get().reveal()).as("not re-read before max age").isEqualTo("first-token");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(secret.get().reveal()).isEqualTo("second-token");
  }

  @Test
  void anEmptiedOrRemovedFileKeepsTheLastGoodSecret(@TempDir Path mount) throws Exception {
    Path token = mountedKey(mount, "token", "v1", "first-token");
    Supplier<Secret> secret = SecretValues.fromRotatingFile(token, Duration.ofSeconds(5), now::get);

    swap(mount, "token", "v2", "");
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(secret.get().reveal()).isEqualTo("first-token");

    Files.delete(mount.resolve("..data"));
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(secret.get().reveal()).isEqualTo("first-token");

    swap(mount, "token", "v3", "third-token");
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(secret.get().reveal()).isEqualTo("third-token");
  }

  /** Writes {@code key} into a new ..data version and links {@code mount/key} to it, as a Secret volume looks. */
  static Path mountedKey(Path mount, String key, String version, String value) throws Exception {
    swap(mount, key, version, value);
    return Files.createSymbolicLink(mount.resolve(key), Path.of("..data", key));
  }

  static void swap(Path mount, String key, String version, String value) throws Exception {
    Path data = Files.createDirectories(mount.resolve("..2026_12_04_" + version));
    Files.writeString(data.resolve(key), value + "\n");
    Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), data.getFileName());
    Files.move(link, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}

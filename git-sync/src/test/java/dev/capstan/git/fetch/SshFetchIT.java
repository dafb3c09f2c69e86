package dev.capstan.git.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.git.auth.CredentialsRef;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.SshGitServer;
import dev.capstan.git.testing.Upstream;
import dev.capstan.git.transport.HostKeyProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH through JGit's Apache MINA SSHD transport against an Apache MINA SSHD server: key auth with a
 * passphrase, and strict known_hosts checking for unknown and changed host keys.
 */
class SshFetchIT {
  static final String PASSPHRASE = "correct horse battery";
  @TempDir static Path tmp;
  static Upstream upstream;
  static SshGitServer server;
  static Path key;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(tmp.resolve("srv"));
    upstream = Upstream.create(tmp.resolve("srv"), "shop");
    upstream.push("first", Map.of("apps/web/Chart.yaml", "name: web\n"));
    key = tmp.resolve("id_ecdsa");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", PASSPHRASE,
        "-C", "capstan-test", "-f", key.toString()).redirectErrorStream(true).start();
    assertThat(keygen.waitFor()).isZero();
    PublicKey pub = PublicKeyEntry.parsePublicKeyEntry(Files.readString(tmp.resolve("id_ecdsa.pub")).trim())
        .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
    server = SshGitServer.start(tmp.resolve("srv"), pub);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static FetchResult fetch(String cacheName, String knownHostsLine, String passphrase) throws Exception {
    Path creds = Files.createDirectories(tmp.resolve("creds-" + cacheName));
    Files.writeString(creds.resolve("identity"), Files.readString(key));
    Files.writeString(creds.resolve("passphrase"), passphrase);
    Files.writeString(creds.resolve("known_hosts"), knownHostsLine + "\n");
    Files.writeString(creds.resolve("url"), server.url(""));
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve(cacheName))) {
      return new Fetcher(cache, FetchOptions.defaults())
          .fetch(GitSource.of(server.url("shop.git"), "main").withCredentials(CredentialsRef.directory(creds)));
    }
  }

  @Test
  void keyWithPassphraseAndKnownHostFetches() throws Exception {
    FetchResult result = fetch("cache-ok", server.knownHostsLine(), PASSPHRASE);

    assertThat(result.revisionOrThrow().sha()).isEqualTo(upstream.git("rev-parse", "HEAD"));
    assertThat(((FetchResult.Success) result).notices()).isEmpty();
  }

  @Test
  void hashedKnownHostsEntriesAreUnderstood() throws Exception {
    Path hashed = tmp.resolve("known_hosts_hashed");
    Files.writeString(hashed, server.knownHostsLine() + "\n");
    assertThat(new ProcessBuilder("ssh-keygen", "-q", "-H", "-f", hashed.toString()).start().waitFor()).isZero();
    assertThat(Files.readString(hashed)).startsWith("|1|").doesNotContain("127.0.0.1");

    FetchResult result = fetch("cache-hashed", Files.readString(hashed).trim(), PASSPHRASE);

    assertThat(result).isInstanceOf(FetchResult.Success.class);
  }

  @Test
  void unknownHostKeyIsRefusedWithAClearReason() throws Exception {
    FetchResult result = fetch("cache-unknown", "[127.0.0.1]:1 " + server.knownHostsLine().split(" ", 2)[1], PASSPHRASE);

    FetchFailure failure = ((FetchResult.Failure) result).failure();
    assertThat(failure).isInstanceOf(FetchFailure.HostKeyRejected.class);
    assertThat(((FetchFailure.HostKeyRejected) failure).problem().kind()).isEqualTo(HostKeyProblem.Kind.UNKNOWN_HOST);
    assertThat(failure.message()).contains("[127.0.0.1]:" + server.port()).contains("is not in").contains("known_hosts");
  }

  @Test
  void changedHostKeyIsRefusedAsPossibleImpersonation() throws Exception {
    FetchResult result = fetch("cache-changed", server.wrongKnownHostsLine(), PASSPHRASE);

    FetchFailure failure = ((FetchResult.Failure) result).failure();
    assertThat(((FetchFailure.HostKeyRejected) failure).problem().kind()).isEqualTo(HostKeyProblem.Kind.KEY_CHANGED);
    assertThat(failure.message()).contains("changed");
  }

  @Test
  void wrongPassphraseIsATypedFailureThatNeverShowsThePassphrase() throws Exception {
    FetchResult result = fetch("cache-passphrase", server.knownHostsLine(), "not the passphrase");

    FetchFailure failure = ((FetchResult.Failure) result).failure();
    assertThat(failure).isInstanceOf(FetchFailure.CredentialsUnusable.class);
    assertThat(failure.message()).startsWith(server.url("shop.git") + ": credentials unusable: SSH identity: cannot load it")
        .doesNotContain("not the passphrase").doesNotContain(PASSPHRASE);
  }

  @Test
  void credentialsDirectoryWithNothingInItIsATypedFailure() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("creds-empty"));
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-empty"))) {
      FetchResult result = new Fetcher(cache, FetchOptions.defaults())
          .fetch(GitSource.of(server.url("shop.git"), "main").withCredentials(CredentialsRef.directory(empty)));

      assertThat(((FetchResult.Failure) result).failure().message())
          .isEqualTo(server.url("shop.git") + ": credentials unusable: credentials(dir " + empty
              + "): no credentials found (expected username/password, token or identity)");
    }
  }

  @Test
  void keyTheServerDoesNotKnowIsAuthRejected() throws Exception {
    Path other = tmp.resolve("id_other");
    new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", other.toString()).start().waitFor();
    Path creds = Files.createDirectories(tmp.resolve("creds-other"));
    Files.writeString(creds.resolve("identity"), Files.readString(other));
    Files.writeString(creds.resolve("known_hosts"), server.knownHostsLine() + "\n");
    Files.writeString(creds.resolve("url"), server.url(""));
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-other"))) {
      FetchResult result = new Fetcher(cache, FetchOptions.defaults())
          .fetch(GitSource.of(server.url("shop.git"), "main").withCredentials(CredentialsRef.directory(creds)));

      assertThat(((FetchResult.Failure) result).failure()).isInstanceOf(FetchFailure.AuthRejected.class);
    }
  }

  @Test
  void credentialsFromEnvironmentVariables() throws Exception {
    Path knownHosts = tmp.resolve("known_hosts_env");
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("SHOP_IDENTITY_FILE", key.toString());
    env.put("SHOP_PASSPHRASE", PASSPHRASE);
    env.put("SHOP_KNOWN_HOSTS_FILE", knownHosts.toString());

    var loaded = CredentialsRef.env("SHOP").load(env::get);

    assertThat(loaded).isInstanceOf(dev.capstan.git.auth.Credentials.SshKey.class);
    assertThat(loaded.toString()).doesNotContain(PASSPHRASE).doesNotContain("PRIVATE KEY");
  }
}

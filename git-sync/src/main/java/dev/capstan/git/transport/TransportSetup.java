package dev.capstan.git.transport;

import dev.capstan.core.Secret;
import dev.capstan.git.GitSyncException;
import dev.capstan.git.auth.CredentialScope;
import dev.capstan.git.auth.Credentials;
import dev.capstan.git.auth.Redactor;
import dev.capstan.git.source.RepoUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Applies one source's credentials and timeout to JGit transports. SSH goes through JGit's Apache
 * MINA SSHD client with this source's key only (never the user's {@code ~/.ssh} identities or
 * config) and strict known_hosts checking. Close it after the fetch to release the SSH client.
 */
public final class TransportSetup implements TransportConfigCallback, AutoCloseable {
  private static final Path EMPTY_SSH_HOME = Path.of(System.getProperty("java.io.tmpdir"), "capstan-ssh-home");

  private final RepoUrl url;
  private final Credentials credentials;
  private final Duration timeout;
  private KnownHostsCheck hostCheck;
  private SshdSessionFactory sshFactory;

  public TransportSetup(RepoUrl url, Credentials credentials, Duration timeout) {
    this.url = url;
    this.credentials = credentials;
    this.timeout = timeout;
  }

  @Override
  public void configure(Transport transport) {
    transport.setTimeout((int) Math.max(1, timeout.toSeconds()));
    String user = null;
    Secret password = null;
    if (credentials instanceof Credentials.Basic b) {
      user = b.username();
      password = b.password();
    } else if (url.password().isPresent()) {
      user = url.user() == null ? "git" : url.user();
      password = url.password().get();
    }
    if (password != null) {
      // Never preemptive: the first request of every fetch goes without credentials, and they are
      // given only when the server asks (401) and only to the host they are bound to: JGit asks the
      // provider with the URI it is talking to, which after a redirect is the new host's.
      CredentialScope scope = credentials.scope().orElse(CredentialScope.originOf(url));
      transport.setCredentialsProvider(new BoundCredentialsProvider(user, password.reveal(), scope));
    }
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(sshFactory());
    }
  }

  /** Why the SSH host key was refused during the last connection, if it was. */
  public Optional<HostKeyProblem> hostKeyProblem() {
    return hostCheck == null ? Optional.empty() : hostCheck.problem();
  }

  /** Every secret this setup may hand to a transport, for masking messages. */
  public List<Secret> secrets() {
    List<Secret> all = new ArrayList<>(credentials.secrets());
    url.password().ifPresent(all::add);
    return all;
  }

  private synchronized SshdSessionFactory sshFactory() {
    if (sshFactory != null) {
      return sshFactory;
    }
    Path knownHosts = credentials instanceof Credentials.SshKey k
        ? k.knownHostsOrDefault()
        : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    hostCheck = new KnownHostsCheck(url.host(), url.port() > 0 ? url.port() : 22, knownHosts);
    List<KeyPair> keys = credentials instanceof Credentials.SshKey k ? loadKey(k) : List.of();
    try {
      Files.createDirectories(EMPTY_SSH_HOME);
    } catch (IOException e) {
      throw new GitSyncException(url.toString(), "cannot create " + EMPTY_SSH_HOME + ": " + e.getMessage());
    }
    KnownHostsCheck check = hostCheck;
    sshFactory = new SshdSessionFactoryBuilder()
        .setHomeDirectory(EMPTY_SSH_HOME.toFile())
        .setSshDirectory(EMPTY_SSH_HOME.toFile())
        .setConfigStoreFactory((home, configFile, localUser) -> null)
        .setDefaultIdentities(dir -> List.of())
        .setDefaultKeysProvider(dir -> keys)
        .setPreferredAuthentications("publickey")
        .setServerKeyDatabase((home, sshDir) -> check)
        .build(null);
    return sshFactory;
  }

  private List<KeyPair> loadKey(Credentials.SshKey key) {
    FilePasswordProvider passwords = key.passphrase()
        .map(p -> FilePasswordProvider.of(p.reveal()))
        .orElse(FilePasswordProvider.EMPTY);
    try {
      List<KeyPair> pairs = new ArrayList<>();
      Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("identity"),
          new ByteArrayInputStream(key.privateKey().reveal().getBytes(StandardCharsets.UTF_8)), passwords);
      if (loaded != null) {
        loaded.forEach(pairs::add);
      }
      if (pairs.isEmpty()) {
        throw new GitSyncException("SSH identity", "contains no private key");
      }
      return pairs;
    } catch (IOException | GeneralSecurityException e) {
      throw new GitSyncException("SSH identity", "cannot load it (wrong passphrase, or not an "
          + "OpenSSH/PEM private key): " + Redactor.mask(e.getMessage(), secrets()));
    }
  }

  @Override
  public synchronized void close() {
    if (sshFactory != null) {
      sshFactory.close();
      sshFactory = null;
    }
  }
}

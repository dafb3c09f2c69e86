package dev.capstan.git.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Strict known_hosts checking for one connection: a server key is accepted only if the file lists
 * it for the host. Nothing is ever added to the file and nobody is asked. The reason for a refusal
 * is kept so the fetch can report "unknown host" apart from "key changed" (JGit only sees a failed
 * handshake). Parsing is Apache MINA SSHD's, which understands hashed hosts and {@code [host]:port}.
 */
final class KnownHostsCheck implements ServerKeyDatabase {
  private final String host;
  private final int port;
  private final Path knownHosts;
  private final AtomicReference<HostKeyProblem> problem = new AtomicReference<>();

  KnownHostsCheck(String host, int port, Path knownHosts) {
    this.host = host;
    this.port = port;
    this.knownHosts = knownHosts;
  }

  Optional<HostKeyProblem> problem() {
    return Optional.ofNullable(problem.get());
  }

  @Override
  public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    List<PublicKey> keys = new ArrayList<>();
    for (KnownHostEntry e : entries()) {
      if (e.getMarker() == null) {
        resolve(e).ifPresent(keys::add);
      }
    }
    return keys;
  }

  @Override
  public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
      Configuration config, CredentialsProvider provider) {
    boolean hostListed = false;
    for (KnownHostEntry e : entries()) {
      Optional<PublicKey> key = resolve(e);
      if (key.isEmpty()) {
        continue;
      }
      boolean same = KeyUtils.compareKeys(key.get(), serverKey);
      if ("revoked".equals(e.getMarker())) {
        if (same) {
          return refuse(HostKeyProblem.Kind.KEY_REVOKED, serverKey);
        }
        continue;
      }
      if (same) {
        return true;
      }
      hostListed = true;
    }
    return refuse(hostListed ? HostKeyProblem.Kind.KEY_CHANGED : HostKeyProblem.Kind.UNKNOWN_HOST, serverKey);
  }

  private boolean refuse(HostKeyProblem.Kind kind, PublicKey serverKey) {
    problem.set(new HostKeyProblem(host, port, kind, KeyUtils.getFingerPrint(serverKey), knownHosts));
    return false;
  }

  private List<KnownHostEntry> entries() {
    if (!Files.isRegularFile(knownHosts)) {
      return List.of();
    }
    try {
      List<KnownHostEntry> matching = new ArrayList<>();
      for (KnownHostEntry e : KnownHostEntry.readKnownHostEntries(knownHosts)) {
        if (e.isHostMatch(host, port)) {
          matching.add(e);
        }
      }
      return matching;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<PublicKey> resolve(KnownHostEntry e) {
    try {
      return Optional.ofNullable(e.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
    } catch (IOException | GeneralSecurityException ex) {
      return Optional.empty();
    }
  }
}

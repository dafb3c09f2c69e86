package dev.capstan.git.auth;

import dev.capstan.core.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Credentials for one repository, already loaded from files or environment variables. */
public sealed interface Credentials {

  /** Every secret value, so messages can be masked. */
  List<Secret> secrets();

  /**
   * Where these credentials may be sent, when their source said so (a Secret's {@code url}); empty:
   * only to the scheme, host and port of the repository they are used for.
   */
  default Optional<CredentialScope> scope() {
    return Optional.empty();
  }

  /** No credentials: public HTTPS, {@code git://} or {@code file://}. */
  record Anonymous() implements Credentials {
    @Override
    public List<Secret> secrets() {
      return List.of();
    }
  }

  /** HTTPS basic authentication; a token is a password (most hosts ignore the user name then). */
  record Basic(String username, Secret password, Optional<CredentialScope> scope) implements Credentials {
    public Basic {
      scope = scope == null ? Optional.empty() : scope;
    }

    /** Basic credentials bound to nothing but the repository they are used for. */
    public Basic(String username, Secret password) {
      this(username, password, Optional.empty());
    }

    @Override
    public List<Secret> secrets() {
      return List.of(password);
    }
  }

  /**
   * An SSH private key (OpenSSH or PEM text), its passphrase if any, and the known_hosts file the
   * server key is checked against (the user's {@code ~/.ssh/known_hosts} when absent).
   */
  record SshKey(Secret privateKey, Optional<Secret> passphrase, Optional<Path> knownHosts, Optional<CredentialScope> scope)
      implements Credentials {
    public SshKey {
      scope = scope == null ? Optional.empty() : scope;
    }

    /** A key bound to nothing but the repository it is used for. */
    public SshKey(Secret privateKey, Optional<Secret> passphrase, Optional<Path> knownHosts) {
      this(privateKey, passphrase, knownHosts, Optional.empty());
    }

    @Override
    public List<Secret> secrets() {
      return passphrase.map(p -> List.of(privateKey, p)).orElse(List.of(privateKey));
    }

    public Path knownHostsOrDefault() {
      return knownHosts.orElse(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }
  }
}

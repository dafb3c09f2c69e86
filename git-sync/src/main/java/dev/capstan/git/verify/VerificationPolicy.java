package dev.capstan.git.verify;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a source's commits must be signed, and by whom. With {@link Mode#REQUIRE} a commit is
 * accepted only if it carries a good OpenPGP signature by a key in {@code openPgpKeyring} (an
 * exported public keyring, armored or binary) or a good SSH signature by a key listed in
 * {@code sshAllowedSigners} (OpenSSH allowed_signers format). Anything else is refused and the last
 * verified commit stays in force.
 */
public record VerificationPolicy(Mode mode, Optional<Path> openPgpKeyring, Optional<Path> sshAllowedSigners) {

  public enum Mode { NONE, REQUIRE }

  public VerificationPolicy {
    openPgpKeyring = openPgpKeyring == null ? Optional.empty() : openPgpKeyring;
    sshAllowedSigners = sshAllowedSigners == null ? Optional.empty() : sshAllowedSigners;
  }

  /** Signatures are reported but not required. */
  public static VerificationPolicy none() {
    return new VerificationPolicy(Mode.NONE, Optional.empty(), Optional.empty());
  }

  /** Require a good OpenPGP signature by a key in {@code keyring}. */
  public static VerificationPolicy openPgp(Path keyring) {
    return new VerificationPolicy(Mode.REQUIRE, Optional.of(keyring), Optional.empty());
  }

  /** Require a good SSH signature by a key in {@code allowedSigners}. */
  public static VerificationPolicy ssh(Path allowedSigners) {
    return new VerificationPolicy(Mode.REQUIRE, Optional.empty(), Optional.of(allowedSigners));
  }

  public VerificationPolicy withSshAllowedSigners(Path allowedSigners) {
    return new VerificationPolicy(Mode.REQUIRE, openPgpKeyring, Optional.of(allowedSigners));
  }

  public boolean required() {
    return mode == Mode.REQUIRE;
  }
}

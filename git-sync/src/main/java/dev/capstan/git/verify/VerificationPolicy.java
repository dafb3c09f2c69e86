package dev.capstan.git.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether a source's commits must be signed, and by whom. With {@link Mode#REQUIRE} a commit is
 * accepted only if it carries a good OpenPGP signature by a key in {@code openPgpKeyring} (an
 * exported public keyring, armored or binary) or a good SSH signature by a key listed in
 * {@code sshAllowedSigners} (OpenSSH allowed_signers format). Anything else is refused and the last
 * verified commit stays in force. {@link Target} says what must be signed, as Flux's
 * {@code verify.mode} does: the commit, the annotated tag the ref names, or both.
 */
public record VerificationPolicy(Mode mode, Optional<Path> openPgpKeyring, Optional<Path> sshAllowedSigners, Target target) {

  public enum Mode { NONE, REQUIRE }

  /** What must carry the signature. */
  public enum Target {
    /** The commit the ref resolves to (Flux's {@code HEAD}). */
    HEAD,
    /** The annotated tag the ref names (Flux's {@code Tag}); a branch or a lightweight tag is refused. */
    TAG,
    /** Both (Flux's {@code TagAndHEAD}). */
    TAG_AND_HEAD;

    public boolean commit() {
      return this != TAG;
    }

    public boolean tag() {
      return this != HEAD;
    }
  }

  public VerificationPolicy {
    openPgpKeyring = openPgpKeyring == null ? Optional.empty() : openPgpKeyring;
    sshAllowedSigners = sshAllowedSigners == null ? Optional.empty() : sshAllowedSigners;
    target = target == null ? Target.HEAD : target;
  }

  /** A policy on the commit the ref resolves to. */
  public VerificationPolicy(Mode mode, Optional<Path> openPgpKeyring, Optional<Path> sshAllowedSigners) {
    this(mode, openPgpKeyring, sshAllowedSigners, Target.HEAD);
  }

  public VerificationPolicy withTarget(Target newTarget) {
    return new VerificationPolicy(mode, openPgpKeyring, sshAllowedSigners, newTarget);
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
    return new VerificationPolicy(Mode.REQUIRE, openPgpKeyring, Optional.of(allowedSigners), target);
  }

  public boolean required() {
    return mode == Mode.REQUIRE;
  }

  /**
   * What the policy trusts, by content: mode, target and a digest of each key file, so the commits it
   * verified are recognised again after a restart (key files from Secrets move between runs) and not
   * after the keys changed.
   */
  public String identity() {
    return mode + ":" + target + ":" + openPgpKeyring.map(VerificationPolicy::digest).orElse("-") + ":"
        + sshAllowedSigners.map(VerificationPolicy::digest).orElse("-");
  }

  private static String digest(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      return file.toString();
    }
  }
}

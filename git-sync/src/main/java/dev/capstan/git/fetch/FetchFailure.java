package dev.capstan.git.fetch;

import dev.capstan.git.transport.HostKeyProblem;
import dev.capstan.git.verify.SignatureStatus;
import java.time.Duration;

/**
 * Why a fetch did not produce a usable revision. Each message starts with the (masked) repository
 * URL and says what to do where there is something to do.
 */
public sealed interface FetchFailure {

  /** The repository URL as shown to users (no password). */
  String url();

  /** One line for the operator. */
  String message();

  /** DNS failure, connection refused, no route: the server could not be reached at all. */
  record HostUnreachable(String url, String detail) implements FetchFailure {
    @Override
    public String message() {
      return url + ": host unreachable: " + detail;
    }
  }

  /** The server refused the credentials, or needs credentials that were not given. */
  record AuthRejected(String url, String detail) implements FetchFailure {
    @Override
    public String message() {
      return url + ": authentication rejected: " + detail;
    }
  }

  /** The source's credentials could not be used: missing files, a key that does not load, a wrong passphrase. */
  record CredentialsUnusable(String url, String detail) implements FetchFailure {
    @Override
    public String message() {
      return url + ": credentials unusable: " + detail;
    }
  }

  /** The SSH server's host key is unknown, changed or revoked. */
  record HostKeyRejected(String url, HostKeyProblem problem) implements FetchFailure {
    @Override
    public String message() {
      return url + ": " + problem.message();
    }
  }

  /** The server has no repository at that path (or hides it from these credentials). */
  record RepositoryNotFound(String url, String detail) implements FetchFailure {
    @Override
    public String message() {
      return url + ": repository not found: " + detail;
    }
  }

  /** The branch, tag or commit is not on the server (deleted branch, no tag matching the range). */
  record RefNotFound(String url, String ref) implements FetchFailure {
    @Override
    public String message() {
      return url + ": ref \"" + ref + "\" not found on the server (deleted, renamed or never pushed)";
    }
  }

  /** The server stopped answering for longer than the timeout. */
  record Timeout(String url, Duration after) implements FetchFailure {
    @Override
    public String message() {
      return url + ": timed out after " + after.toSeconds() + "s";
    }
  }

  /** The commit's signature is missing, bad or by an untrusted key; the revision is refused. */
  record VerificationRefused(String url, String sha, SignatureStatus status) implements FetchFailure {
    @Override
    public String message() {
      return url + ": commit " + sha + " refused: " + status.detail();
    }
  }

  /**
   * The source requires a signed annotated tag ({@code verify} mode Tag or TagAndHEAD) and the ref's
   * tag is unsigned, signed by an untrusted key, badly signed, or not an annotated tag at all.
   */
  record TagRefused(String url, String tag, SignatureStatus status) implements FetchFailure {
    @Override
    public String message() {
      return url + ": tag " + tag + " refused: " + status.detail();
    }
  }

  /** Any other protocol error reported by the server or the transport. */
  record TransportFailed(String url, String detail) implements FetchFailure {
    @Override
    public String message() {
      return url + ": fetch failed: " + detail;
    }
  }

  /** The local cache could not be written (disk full, permissions) even after rebuilding it. */
  record CacheFailed(String url, String detail) implements FetchFailure {
    @Override
    public String message() {
      return url + ": repository cache failed: " + detail;
    }
  }
}

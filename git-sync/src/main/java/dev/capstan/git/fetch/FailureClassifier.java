package dev.capstan.git.fetch;

import dev.capstan.core.Secret;
import dev.capstan.git.auth.Redactor;
import dev.capstan.git.transport.HostKeyProblem;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns what JGit and the JDK throw into a {@link FetchFailure}. JGit reports most transport
 * problems as a TransportException with text; the cause chain is checked first, and the text only
 * for the cases JGit has no type for (authentication). Every detail is masked.
 */
final class FailureClassifier {
  // an HTTP status, not three digits inside a SHA
  private static final java.util.regex.Pattern AUTH_STATUS = java.util.regex.Pattern.compile("\\b40[13]\\b");

  private final String url;
  private final List<Secret> secrets;
  private final Duration timeout;

  FailureClassifier(String url, List<Secret> secrets, Duration timeout) {
    this.url = url;
    this.secrets = secrets;
    this.timeout = timeout;
  }

  FetchFailure classify(Exception e, Optional<HostKeyProblem> hostKey) {
    if (hostKey.isPresent()) {
      return new FetchFailure.HostKeyRejected(url, hostKey.get());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return new FetchFailure.HostUnreachable(url, "unknown host " + mask(t.getMessage()));
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new FetchFailure.HostUnreachable(url, mask(t.getMessage()));
      }
      if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
        return new FetchFailure.Timeout(url, timeout);
      }
      if (t instanceof NoRemoteRepositoryException) {
        return new FetchFailure.RepositoryNotFound(url, detail(t));
      }
    }
    String text = fullText(e).toLowerCase(Locale.ROOT);
    if (text.contains("not authorized") || text.contains("authentication") || text.contains("auth fail")
        || AUTH_STATUS.matcher(text).find() || text.contains("no more authentication methods")
        || text.contains("credentialsprovider")) {
      return new FetchFailure.AuthRejected(url, detail(e));
    }
    if (text.contains("timeout") || text.contains("timed out")) {
      return new FetchFailure.Timeout(url, timeout);
    }
    if (text.contains("connection refused") || text.contains("connection reset")) {
      return new FetchFailure.HostUnreachable(url, detail(e));
    }
    if (text.contains("not found") || text.contains("no such repository")
        || text.contains("does not appear to be a git repository")
        || text.contains("repository not exported") || text.contains("access denied")) {
      return new FetchFailure.RepositoryNotFound(url, detail(e));
    }
    return new FetchFailure.TransportFailed(url, detail(e));
  }

  private String detail(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (root != t && root.getMessage() != null && !msg.contains(root.getMessage())) {
      msg = msg + " (" + root.getMessage() + ")";
    }
    return mask(stripUrl(msg));
  }

  // JGit prefixes messages with the URL it was given; ours is already at the start of every message
  private String stripUrl(String msg) {
    String stripped = msg;
    int idx = stripped.indexOf(url);
    if (idx >= 0) {
      stripped = (stripped.substring(0, idx) + stripped.substring(idx + url.length())).replaceFirst("^[:\\s]+", "");
    }
    return stripped.isEmpty() ? msg : stripped;
  }

  private static String fullText(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append(' ');
    }
    return b.toString();
  }

  private String mask(String s) {
    return Redactor.mask(s == null ? "" : s, secrets);
  }
}

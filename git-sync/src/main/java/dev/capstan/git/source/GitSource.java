package dev.capstan.git.source;

import dev.capstan.git.auth.CredentialsRef;
import dev.capstan.git.verify.VerificationPolicy;
import java.util.Objects;

/**
 * What to follow: a repository, a ref in it, an optional folder, where the credentials come from and
 * whether commits must be signed. Mirrors Flux's {@code GitRepository} and Argo CD's
 * {@code spec.source} ({@code repoURL}, {@code targetRevision}, {@code path}).
 *
 * @param url the repository
 * @param ref a branch, a tag, a full commit SHA, or a semver range over tags such as {@code >=1.2.0 <2}
 * @param path folder inside the repository, "" for the root
 * @param credentials where credentials come from; {@link CredentialsRef#none()} for anonymous access
 * @param verification whether commits must carry a trusted signature
 */
public record GitSource(
    RepoUrl url, String ref, String path, CredentialsRef credentials, VerificationPolicy verification) {

  public GitSource {
    Objects.requireNonNull(url, "url");
    if (ref == null || ref.isBlank()) {
      throw new InvalidSourceException("ref", "is empty (give a branch, tag, commit SHA or semver range)");
    }
    ref = ref.trim();
    path = normalisePath(path);
    credentials = credentials == null ? CredentialsRef.none() : credentials;
    verification = verification == null ? VerificationPolicy.none() : verification;
  }

  /** A source following {@code ref} of {@code repoUrl}, anonymous, whole repository, unverified. */
  public static GitSource of(String repoUrl, String ref) {
    return new GitSource(RepoUrl.parse(repoUrl), ref, "", CredentialsRef.none(), VerificationPolicy.none());
  }

  public GitSource withRef(String newRef) {
    return new GitSource(url, newRef, path, credentials, verification);
  }

  public GitSource withPath(String newPath) {
    return new GitSource(url, ref, newPath, credentials, verification);
  }

  public GitSource withCredentials(CredentialsRef newCredentials) {
    return new GitSource(url, ref, path, newCredentials, verification);
  }

  public GitSource withVerification(VerificationPolicy newVerification) {
    return new GitSource(url, ref, path, credentials, newVerification);
  }

  private static String normalisePath(String raw) {
    if (raw == null) {
      return "";
    }
    String p = raw.trim().replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals(".")) {
      return "";
    }
    for (String segment : p.split("/")) {
      if (segment.equals("..")) {
        throw new InvalidSourceException("path", "\"" + raw + "\" leaves the repository");
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return url + "@" + ref + (path.isEmpty() ? "" : ":" + path);
  }
}

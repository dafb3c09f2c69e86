package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Source;
import dev.capstan.git.auth.CredentialsRef;
import dev.capstan.git.source.GitSource;
import java.nio.file.Path;

/**
 * The Git source an Application names. Credentials are never in the spec: {@code secretRef} names a
 * folder under the agent's credentials directory (where the cluster mounts that Secret), so the agent
 * needs no permission to read Secrets.
 */
final class SourceOf {
  /** The remote's default branch, as {@code git clone} picks it. */
  static final String DEFAULT_REF = "HEAD";

  private SourceOf() {}

  /** The source whose chart or manifests the application deploys. */
  static GitSource of(Application app, Path credentialsDir) {
    return of(app.getSpec().deployedSource(), credentialsDir);
  }

  /** One of the application's sources; the repository root for one that only provides files. */
  static GitSource of(Source source, Path credentialsDir) {
    String ref = source.ref() == null || source.ref().isBlank() ? DEFAULT_REF : source.ref();
    GitSource git = GitSource.of(source.repoURL(), ref).withPath(source.path() == null || source.isReference() ? "" : source.path());
    if (source.secretRef() != null && !source.secretRef().isBlank()) {
      // The validator refuses such names first; this is the last line before a path is built from one.
      if (!ApplicationValidator.isObjectName(source.secretRef())) {
        throw new ApplicationException("spec.source.secretRef", "must name a Secret, got \"" + source.secretRef() + "\"");
      }
      git = git.withCredentials(CredentialsRef.directory(credentialsDir.resolve(source.secretRef())));
    }
    return git;
  }
}

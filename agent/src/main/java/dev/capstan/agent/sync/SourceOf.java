package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.application.SourceVerify;
import dev.capstan.core.CapstanException;
import dev.capstan.git.auth.CredentialsRef;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.verify.TrustedKeys;
import dev.capstan.git.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Git source an Application names. Credentials are never in the spec: {@code secretRef} names a
 * Secret (see {@link SourceSecrets}), whose keys are read when a fetch needs them; git-sync then
 * checks that its {@code url} covers the repository before anything is sent.
 */
public final class SourceOf {
  /** The remote's default branch, as {@code git clone} picks it. */
  static final String DEFAULT_REF = "HEAD";

  private SourceOf() {}

  /** Where the source is and whose credentials fetch it: enough to find its copy in the cache. */
  public static GitSource located(Application app, SourceSecrets secrets) {
    Source source = app.getSpec().source();
    String ref = source.ref() == null || source.ref().isBlank() ? DEFAULT_REF : source.ref();
    GitSource git = GitSource.of(source.repoURL(), ref).withPath(source.path() == null ? "" : source.path());
    String name = source.secretRef();
    if (name != null && !name.isBlank()) {
      // The validator refuses such names first; this is the last line before a name is looked up.
      if (!ApplicationValidator.isObjectName(name)) {
        throw new ApplicationException("spec.source.secretRef", "must name a Secret, got \"" + name + "\"");
      }
      git = git.withCredentials(CredentialsRef.store(secrets.describe(app, name), () -> text(secrets.read(app, name))));
    }
    return git;
  }

  /**
   * The source as a fetch needs it: located, and with the trusted keys of {@code spec.source.verify}.
   *
   * @throws ApplicationException naming {@code spec.source.verify.secretRef} when its keys cannot be used
   */
  static GitSource fetched(Application app, SourceSecrets secrets) {
    GitSource git = located(app, secrets);
    SourceVerify verify = app.getSpec().source().verify();
    if (verify == null) {
      return git;
    }
    try {
      return git.withVerification(TrustedKeys.policy(secrets.describe(app, verify.secretRef()),
          secrets.read(app, verify.secretRef())).withTarget(target(verify)));
    } catch (CapstanException e) {
      throw new ApplicationException("spec.source.verify.secretRef", e.getMessage(), e);
    }
  }

  private static VerificationPolicy.Target target(SourceVerify verify) {
    return switch (verify.modeOrDefault()) {
      case SourceVerify.TAG -> VerificationPolicy.Target.TAG;
      case SourceVerify.TAG_AND_HEAD -> VerificationPolicy.Target.TAG_AND_HEAD;
      default -> VerificationPolicy.Target.HEAD;
    };
  }

  private static Map<String, String> text(Map<String, byte[]> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    keys.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
    return out;
  }
}

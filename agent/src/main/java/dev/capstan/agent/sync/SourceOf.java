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
import java.util.List;
import java.util.Map;

/**
 * The Git source an Application names: its deployed source, or one of its named sources.
 * Credentials are never in the spec: {@code secretRef} names a Secret (see {@link SourceSecrets}),
 * whose keys are read when a fetch needs them; git-sync then checks that its {@code url} covers the
 * repository before anything is sent. The Application only says where its Secrets are (its
 * namespace) and names the field in errors.
 */
public final class SourceOf {
  /** The remote's default branch, as {@code git clone} picks it. */
  static final String DEFAULT_REF = "HEAD";

  private SourceOf() {}

  /**
   * Where {@code source} (one of {@code app}'s) is and whose credentials fetch it: enough to find its
   * copy in the cache. A named source is its repository's root; the deployed one its {@code path}.
   */
  public static GitSource located(Application app, Source source, SourceSecrets secrets) {
    String ref = source.ref() == null || source.ref().isBlank() ? DEFAULT_REF : source.ref();
    GitSource git = GitSource.of(source.repoURL(), ref).withPath(source.path() == null || source.isReference() ? "" : source.path());
    String name = source.secretRef();
    if (name != null && !name.isBlank()) {
      // The validator refuses such names first; this is the last line before a name is looked up.
      if (!ApplicationValidator.isObjectName(name)) {
        throw new ApplicationException(field(app, source) + ".secretRef", "must name a Secret, got \"" + name + "\"");
      }
      git = git.withCredentials(CredentialsRef.store(secrets.describe(app, name), () -> text(secrets.read(app, name))));
    }
    return git;
  }

  /**
   * {@code source} as a fetch needs it: located, and with the trusted keys of its {@code verify}.
   *
   * @throws ApplicationException naming {@code verify.secretRef} when its keys cannot be used
   */
  static GitSource fetched(Application app, Source source, SourceSecrets secrets) {
    GitSource git = located(app, source, secrets);
    SourceVerify verify = source.verify();
    if (verify == null) {
      return git;
    }
    try {
      return git.withVerification(TrustedKeys.policy(secrets.describe(app, verify.secretRef()),
          secrets.read(app, verify.secretRef())).withTarget(target(verify)));
    } catch (CapstanException e) {
      throw new ApplicationException(field(app, source) + ".verify.secretRef", e.getMessage(), e);
    }
  }

  /** The field that holds {@code source} in {@code app}'s spec: {@code spec.source} or {@code spec.sources[i]}. */
  static String field(Application app, Source source) {
    List<Source> sources = app.getSpec() == null || app.getSpec().sources() == null ? List.of() : app.getSpec().sources();
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) == source) {
        return "spec.sources[" + i + "]";
      }
    }
    return "spec.source";
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

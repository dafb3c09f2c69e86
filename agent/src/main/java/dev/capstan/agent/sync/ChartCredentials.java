package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Source;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.core.CapstanException;
import dev.capstan.core.Secret;
import dev.capstan.git.auth.CredentialBinding;
import dev.capstan.git.auth.CredentialScope;
import dev.capstan.git.auth.CredentialsRef;
import dev.capstan.git.source.RepoUrl;
import dev.capstan.git.source.Scheme;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a chart source's {@code secretRef} provides, read through {@link SourceSecrets} as Git
 * sources' credentials are, and held to the same rules ({@link CredentialBinding}) before anything is
 * sent: a Secret with {@code username}/{@code password} or {@code token} (a bearer token) must say in
 * {@code url} which repository or registry (URL or URL prefix; {@code oci://} or {@code https://})
 * they are for, and a password never goes over plain {@code http://} except to a loopback host.
 * {@code ca.crt} alone (a private CA, public by nature) needs no {@code url}.
 */
final class ChartCredentials {
  /** The key of a Secret holding the CA to trust, as Kubernetes names TLS Secrets' CA. */
  static final String CA_KEY = "ca.crt";

  /** The credentials to present, and the PEM CA to trust instead of the JDK's roots, if any. */
  record Keys(Credentials credentials, Optional<byte[]> ca) {
    static final Keys NONE = new Keys(Credentials.NONE, Optional.empty());
  }

  private final SourceSecrets secrets;

  ChartCredentials(SourceSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * The keys of {@code source}'s Secret, checked against where {@code source} is.
   *
   * @throws CredentialsRefusedException when the credentials may not be used for this source
   * @throws ApplicationException when the Secret cannot be read or holds nothing usable
   */
  Keys of(Application app, Source source) {
    String name = source.secretRef();
    if (name == null || name.isBlank()) {
      return Keys.NONE;
    }
    String field = SourceOf.field(app, source) + ".secretRef";
    if (!ApplicationValidator.isObjectName(name)) {
      // The validator refuses such names first; this is the last line before a name is looked up.
      throw new ApplicationException(field, "must name a Secret, got \"" + name + "\"");
    }
    Map<String, byte[]> keys = secrets.read(app, name);
    Optional<byte[]> ca = Optional.ofNullable(keys.get(CA_KEY));
    boolean basic = keys.containsKey("password");
    if (!basic && !keys.containsKey("token")) {
      if (ca.isPresent()) {
        return new Keys(Credentials.NONE, ca);
      }
      throw new ApplicationException(field, secrets.describe(app, name) + " holds no username/password, token or " + CA_KEY);
    }
    String password = text(keys.get(basic ? "password" : "token"));
    String username = text(keys.get("username"));
    bind(app, source, name, keys, field, password);
    return new Keys(basic ? Credentials.basic(username, password) : Credentials.bearer(password), ca);
  }

  /**
   * The credentials for a chart dependency's {@code repository} (an {@code https://} index or an
   * {@code oci://} registry named in the Chart.lock of a chart {@code source} holds): those of the
   * source's {@code secretRef} only when its {@code url} covers that repository, else none (an
   * anonymous request). A Git source's Secret for {@code https://git.example.com} is therefore never
   * sent to a chart repository, and one Secret with {@code url: https://example.com} serves both.
   *
   * @throws CredentialsRefusedException when the url covers the repository but a password would go over plain http
   */
  Credentials forDependency(Application app, Source source, String repository) {
    String name = source.secretRef();
    if (name == null || name.isBlank() || !ApplicationValidator.isObjectName(name)) {
      return Credentials.NONE;
    }
    Map<String, byte[]> keys = secrets.read(app, name);
    boolean basic = keys.containsKey("password");
    if (!basic && !keys.containsKey("token") || !keys.containsKey("url")) {
      return Credentials.NONE;
    }
    URI target = dependencyUri(repository, source.isInsecure());
    String url = text(keys.get("url"));
    if (url.startsWith("oci://")) {
      url = target.getScheme() + "://" + url.substring("oci://".length());
    }
    CredentialsRef ref = CredentialsRef.store(secrets.describe(app, name), Map::of);
    CredentialScope scope;
    try {
      scope = CredentialScope.parse(url, ref + ": key \"url\"");
    } catch (CapstanException e) {
      return Credentials.NONE;
    }
    RepoUrl repo = repoUrl(target);
    if (!scope.covers(repo)) {
      return Credentials.NONE;
    }
    String password = text(keys.get(basic ? "password" : "token"));
    var asGit = new dev.capstan.git.auth.Credentials.Basic("capstan", Secret.of(password), Optional.of(scope));
    Optional<String> refusal = CredentialBinding.refusal(repo, asGit, ref);
    if (refusal.isPresent()) {
      throw new CredentialsRefusedException(SourceOf.field(app, source) + ".secretRef", refusal.get());
    }
    return basic ? Credentials.basic(text(keys.get("username")), password) : Credentials.bearer(password);
  }

  /** Where a dependency's requests go: an {@code oci://} repository as its registry API is reached. */
  private static URI dependencyUri(String repository, boolean plainHttp) {
    if (repository.startsWith("oci://")) {
      return URI.create((plainHttp ? "http://" : "https://") + repository.substring("oci://".length()));
    }
    return URI.create(repository);
  }

  private static RepoUrl repoUrl(URI target) {
    Scheme scheme = "http".equals(target.getScheme()) ? Scheme.HTTP : Scheme.HTTPS;
    return new RepoUrl(scheme, null, target.getHost(), target.getPort(), target.getPath(), null);
  }

  /** The rule Git sources follow, for the URL this source's requests go to. */
  private void bind(Application app, Source source, String name, Map<String, byte[]> keys, String field, String password) {
    URI target = transportUri(source);
    CredentialsRef ref = CredentialsRef.store(secrets.describe(app, name), Map::of);
    String url = keys.containsKey("url") ? text(keys.get("url")) : null;
    if (url == null) {
      throw new CredentialsRefusedException(field, ref + ": key \"url\" is missing: it must give the repository or registry URL "
          + "or URL prefix these credentials are for (as in an Argo CD repository Secret)");
    }
    if (url.startsWith("oci://")) {
      url = target.getScheme() + "://" + url.substring("oci://".length());
    }
    CredentialScope scope;
    try {
      scope = CredentialScope.parse(url, ref + ": key \"url\"");
    } catch (CapstanException e) {
      throw new CredentialsRefusedException(field, e.getMessage());
    }
    RepoUrl repo = repoUrl(target);
    var asGit = new dev.capstan.git.auth.Credentials.Basic("capstan", Secret.of(password), Optional.of(scope));
    Optional<String> refusal = CredentialBinding.refusal(repo, asGit, ref);
    if (refusal.isPresent()) {
      throw new CredentialsRefusedException(field, refusal.get());
    }
  }

  /** Where requests for {@code source} go: an {@code oci://} reference as the registry API is reached. */
  static URI transportUri(Source source) {
    String url = source.repoURL().strip();
    if (url.startsWith("oci://")) {
      String rest = url.substring("oci://".length());
      if (source.chart() != null && !source.chart().isBlank()) {
        rest = rest.replaceAll("/+$", "") + "/" + source.chart();
      }
      return URI.create((source.isInsecure() ? "http://" : "https://") + rest);
    }
    return URI.create(url);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8).strip();
  }
}

package dev.capstan.agent.fleet;

import dev.capstan.engine.cluster.KubeConfigs;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;

/**
 * fabric8 client configurations for registered clusters, checked before any connection: a server URL
 * that parses, a CA that is a PEM certificate, a kubeconfig that has the context asked for. Every
 * registered cluster fails fast: a short connect timeout and request timeout, so a dead or paused API
 * server costs a pass seconds, not minutes.
 */
public final class ClusterConfigs {
  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int REQUEST_TIMEOUT_MS = 10_000;

  private ClusterConfigs() {}

  /** Credentials given field by field (Argo CD's cluster Secret shape). */
  public record Credentials(String bearerToken, String caData, String certData, String keyData, boolean insecure, String serverName) {}

  /**
   * A configuration from a server URL and credentials.
   *
   * @param where the Secret or flag, for errors
   */
  public static Config fromFields(String where, String server, Credentials credentials) {
    checkServer(where, "data.server", server);
    if (credentials.caData() != null) {
      checkCertificate(where, "data.config.tlsClientConfig.caData", credentials.caData());
    }
    if (credentials.certData() != null) {
      checkCertificate(where, "data.config.tlsClientConfig.certData", credentials.certData());
      if (credentials.keyData() == null) {
        throw new ClusterConfigException(where, "data.config.tlsClientConfig.keyData: is required with certData");
      }
    }
    ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(server).withTrustCerts(credentials.insecure())
        .withDisableHostnameVerification(credentials.insecure());
    if (credentials.bearerToken() != null) {
      builder.withOauthToken(credentials.bearerToken());
    }
    if (credentials.caData() != null) {
      builder.withCaCertData(credentials.caData());
    }
    if (credentials.certData() != null) {
      builder.withClientCertData(credentials.certData()).withClientKeyData(credentials.keyData());
    }
    return tuned(builder.build());
  }

  /**
   * A configuration from a whole kubeconfig.
   *
   * @param context the context to use; null for the kubeconfig's current one
   * @param contextField how the context was given, for errors ({@code data.context}, {@code --cluster prod=…:ctx})
   */
  public static Config fromKubeconfig(String where, String kubeconfig, String context, String contextField) {
    io.fabric8.kubernetes.api.model.Config parsed;
    try {
      parsed = Serialization.unmarshal(kubeconfig, io.fabric8.kubernetes.api.model.Config.class);
    } catch (RuntimeException e) {
      throw new ClusterConfigException(where, "kubeconfig: not a kubeconfig: " + firstLine(e.getMessage()));
    }
    if (parsed == null) {
      throw new ClusterConfigException(where, "kubeconfig: is empty");
    }
    List<String> contexts = parsed.getContexts() == null ? List.of()
        : parsed.getContexts().stream().map(NamedContext::getName).toList();
    String chosen = context != null ? context : parsed.getCurrentContext();
    if (chosen == null || chosen.isBlank()) {
      throw new ClusterConfigException(where, contextField + ": the kubeconfig has no current context; name one of " + contexts);
    }
    if (!contexts.contains(chosen)) {
      throw new ClusterConfigException(where, contextField + ": context \"" + chosen + "\" is not in the kubeconfig (contexts: "
          + String.join(", ", contexts) + ")");
    }
    try {
      Config config = Config.fromKubeconfig(chosen, kubeconfig, null);
      checkServer(where, "kubeconfig", config.getMasterUrl());
      if (config.getCaCertData() != null) {
        checkCertificate(where, "kubeconfig: certificate-authority-data of context " + chosen, config.getCaCertData());
      }
      return tuned(config);
    } catch (ClusterConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ClusterConfigException(where, "kubeconfig: context " + chosen + ": " + firstLine(e.getMessage()));
    }
  }

  private static Config tuned(Config config) {
    config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    config.setRequestTimeout(REQUEST_TIMEOUT_MS);
    config.setNamespace("default");
    return KubeConfigs.tuned(config);
  }

  private static void checkServer(String where, String field, String server) {
    if (server == null || server.isBlank()) {
      throw new ClusterConfigException(where, field + ": is required (the API server's URL, https://host:port)");
    }
    try {
      URI uri = new URI(server);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new ClusterConfigException(where, field + ": \"" + server + "\" is not an http(s) URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new ClusterConfigException(where, field + ": \"" + server + "\" is not a URL");
    }
  }

  /** Base64 of PEM, as kubeconfigs and Argo CD hold certificates. */
  private static void checkCertificate(String where, String field, String base64Pem) {
    byte[] pem;
    try {
      pem = Base64.getDecoder().decode(base64Pem.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new ClusterConfigException(where, field + ": is not base64");
    }
    try {
      if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).isEmpty()) {
        throw new ClusterConfigException(where, field + ": holds no PEM certificate");
      }
    } catch (CertificateException e) {
      throw new ClusterConfigException(where, field + ": is not a PEM certificate: " + firstLine(e.getMessage()));
    }
  }

  /** The server URL of {@code config} as a user wrote it, without the slash fabric8 appends. */
  public static String server(Config config) {
    String url = config.getMasterUrl();
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

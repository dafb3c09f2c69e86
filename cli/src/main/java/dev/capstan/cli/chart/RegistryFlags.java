package dev.capstan.cli.chart;

import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.RegistryConfigFile;
import dev.capstan.core.CapstanException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Helm's registry flags, for commands that talk to a registry but take no --repo or --version
 * ({@code push}), and the registry login file ({@code --registry-config}) that fills in credentials
 * for {@code oci://} when none are given.
 */
public final class RegistryFlags {
  @Option(names = "--username", paramLabel = "USER", description = "User name for the registry.")
  String username;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Password for the registry.")
  String password;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust the CA certificates in this PEM file for HTTPS.")
  Path caFile;

  @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the registry's TLS certificate.")
  boolean insecureSkipTlsVerify;

  @Option(names = "--plain-http", description = "Use plain HTTP (a loopback registry).")
  boolean plainHttp;

  @Option(names = "--registry-config", paramLabel = "FILE",
      description = "Helm's registry login file, used for oci:// when no --username/--password is given "
          + "(default: $HELM_REGISTRY_CONFIG or ~/.config/helm/registry/config.json).")
  Path registryConfig;

  /** The registry login file: {@code --registry-config}, else Helm's default. */
  public RegistryConfigFile registryConfig() {
    return RegistryConfigFile.at(registryConfig != null ? registryConfig : RegistryConfigFile.defaultPath(System.getenv()));
  }

  /**
   * The credentials for {@code url}: {@code --username}/{@code --password} when given; else, for an
   * {@code oci://} URL, the login stored for its host (only that host) by {@code capstan registry
   * login} or {@code helm registry login}; else none.
   */
  Credentials credentialsFor(String url) {
    Credentials explicit = credentials();
    if (!(explicit instanceof Credentials.None) || !url.startsWith("oci://")) {
      return explicit;
    }
    String host = url.substring("oci://".length());
    int slash = host.indexOf('/');
    return registryConfig().credentials(slash < 0 ? host : host.substring(0, slash)).orElse(Credentials.NONE);
  }

  Credentials credentials() {
    if (username == null && password == null) {
      return Credentials.NONE;
    }
    if (username == null || password == null) {
      throw new CapstanException(username == null ? "--password" : "--username", "give --username and --password together");
    }
    return Credentials.basic(username, password);
  }

  TransportOptions transportOptions() {
    if (caFile != null && !Files.isRegularFile(caFile)) {
      throw new CapstanException("--ca-file " + caFile, "no such file");
    }
    return TransportOptions.defaults().withCaFile(caFile).withInsecureSkipTlsVerify(insecureSkipTlsVerify).withPlainHttp(plainHttp);
  }
}

package dev.capstan.cli.chart;

import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.core.CapstanException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Helm's registry flags, for commands that talk to a registry but take no --repo or --version ({@code push}). */
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

package dev.capstan.cli.chart;

import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.chartrepo.oci.RegistryConfigFile;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan registry login|logout HOST}: Helm's registry login file, shared with
 * {@code helm registry login} ({@link RegistryConfigFile}). {@code push}, {@code pull} and the chart
 * commands use a stored login for {@code oci://HOST/...} when no {@code --username/--password} is given.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Log in to or out of an OCI registry, as `helm registry login/logout` (the same login file).",
    subcommands = {RegistryCommand.Login.class, RegistryCommand.Logout.class})
public final class RegistryCommand {
  static String host(String argument) {
    String host = argument.startsWith("oci://") ? argument.substring("oci://".length()) : argument;
    while (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.contains("/") || host.contains("@")) {
      throw new CapstanException(argument, "not a registry host (write host or host:port)");
    }
    return host;
  }

  @Command(name = "login", mixinStandardHelpOptions = true,
      description = "Check the credentials against the registry and store them in the registry login file (mode 0600).")
  static final class Login implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The registry: host or host:port.")
    String host;

    @Option(names = "--password-stdin", description = "Read the password from stdin (one line).")
    boolean passwordStdin;

    @Mixin RegistryFlags registry = new RegistryFlags();

    @Override
    public Integer call() {
      String target = host(host);
      if (registry.username == null || registry.username.isEmpty()) {
        throw new CapstanException("--username", "registry login needs a user name");
      }
      if (passwordStdin && registry.password != null) {
        throw new CapstanException("--password-stdin", "give --password or --password-stdin, not both");
      }
      if (registry.password != null) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("WARNING: a password on the command line is visible to other users of this machine; use --password-stdin");
        err.flush();
      }
      String password = passwordStdin ? stdinLine() : registry.password;
      if (password == null || password.isEmpty()) {
        throw new CapstanException("--password-stdin", "registry login needs a password (--password-stdin, or --password)");
      }
      Credentials credentials = Credentials.basic(registry.username, password);
      new OciRegistryClient(HttpTransport.create(registry.transportOptions())).checkLogin(target, credentials);
      registry.registryConfig().login(target, registry.username, password);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Login Succeeded");
      out.flush();
      return 0;
    }

    private static String stdinLine() {
      try {
        String text = new String(System.in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return (newline >= 0 ? text.substring(0, newline) : text).replace("\r", "");
      } catch (IOException e) {
        throw new CapstanException("--password-stdin", "cannot read stdin: " + e.getMessage(), e);
      }
    }
  }

  @Command(name = "logout", mixinStandardHelpOptions = true, description = "Remove the login for HOST from the registry login file.")
  static final class Logout implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The registry: host or host:port.")
    String host;

    @Option(names = "--registry-config", paramLabel = "FILE",
        description = "Helm's registry login file (default: $HELM_REGISTRY_CONFIG or ~/.config/helm/registry/config.json).")
    java.nio.file.Path registryConfig;

    @Override
    public Integer call() {
      String target = host(host);
      RegistryConfigFile file = RegistryConfigFile.at(registryConfig != null ? registryConfig
          : RegistryConfigFile.defaultPath(System.getenv()));
      if (!file.logout(target)) {
        throw new CapstanException(target, "not logged in (no login in " + file.file() + ")");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Removing login credentials for " + target);
      out.flush();
      return 0;
    }
  }
}

package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan agent}'s server flags: mistakes end in one line naming the flag, before anything serves. */
class AgentServerFlagsTest {
  @TempDir Path tmp;

  private record Run(int exit, String err) {}

  private Run agent(String... flags) throws Exception {
    Path apps = Files.createDirectories(tmp.resolve("apps"));
    StringWriter err = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[flags.length + 7];
    String[] base = {"agent", "--applications", apps.toString(), "--http-host", "127.0.0.1", "--cache-dir", tmp.resolve("cache").toString()};
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(flags, 0, args, base.length, flags.length);
    return new Run(cli.execute(args), err.toString());
  }

  @Test
  void aCertificateWithoutItsKeyIsAUsageError() throws Exception {
    Run run = agent("--tls-cert", "tls.crt");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("Error: --tls-cert needs --tls-key\n");
  }

  @Test
  void missingPemFilesAreNamed() throws Exception {
    Path cert = tmp.resolve("missing.crt");
    Run run = agent("--tls-cert", cert.toString(), "--tls-key", tmp.resolve("missing.key").toString(), "--http-port", "0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: --tls-cert " + cert + ": no such file\n");
  }

  @Test
  void aTrustedProxyThatIsNotAnAddressIsNamed() throws Exception {
    Run run = agent("--trusted-proxy", "ingress.local", "--http-port", "0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: --trusted-proxy ingress.local: not an IP address or CIDR block (e.g. 10.0.0.0/8)\n");
  }
}

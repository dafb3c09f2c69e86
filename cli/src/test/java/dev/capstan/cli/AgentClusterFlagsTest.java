package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan agent --cluster …} is checked before the agent starts: bad input is one line and exit 1. */
class AgentClusterFlagsTest {
  private record Run(int exit, String err) {}

  private static Run capstan(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), err.toString());
  }

  @Test
  void badClusterFlagsAreOneLineErrors(@TempDir Path tmp) throws Exception {
    Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://127.0.0.1:1"}
        users:
        - name: u
          user: {token: "t0ken-not-shown"}
        contexts:
        - name: east
          context: {cluster: c, user: u}
        current-context: east
        """);
    assertThat(capstan("agent", "--cluster", "east=" + kubeconfig + ":west")).isEqualTo(new Run(1,
        "Error: --cluster east=" + kubeconfig + ":west: context: context \"west\" is not in the kubeconfig (contexts: east)\n"));
    assertThat(capstan("agent", "--cluster", "east")).isEqualTo(new Run(1,
        "Error: --cluster east: expected NAME=KUBECONFIG[:CONTEXT]\n"));
    assertThat(capstan("agent", "--cluster", "east=" + kubeconfig, "--cluster", "east=" + kubeconfig)).isEqualTo(new Run(1,
        "Error: --cluster east=" + kubeconfig + ": cluster east is given twice\n"));
    assertThat(capstan("agent", "--cluster", "in-cluster=" + kubeconfig).err())
        .startsWith("Error: --cluster in-cluster=" + kubeconfig + ": \"in-cluster\" is the agent's own cluster").doesNotContain("t0ken");
    assertThat(capstan("agent", "--cluster-concurrency", "0").err())
        .isEqualTo("Error: --cluster-qps/--cluster-burst/--cluster-concurrency: qps, burst and concurrency must be positive\n");
  }
}

package dev.capstan.cli;

import dev.capstan.testsupport.KubeEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code capstan} in-process and keeps what the last run printed. {@link #on(KubeEnv)} adds the
 * test cluster's {@code --kubeconfig} and {@code --namespace} to every run, as a user's shell would.
 */
public final class CliRunner {
  private final List<String> always;
  private String out = "";
  private String err = "";

  private CliRunner(List<String> always) {
    this.always = always;
  }

  /** Runs without a cluster. */
  public static CliRunner local() {
    return new CliRunner(List.of());
  }

  /** Runs against the test API server {@code env}, in its namespace. */
  public static CliRunner on(KubeEnv env) {
    return new CliRunner(List.of("--kubeconfig", env.kubeconfig().toString(), "--namespace", env.namespace()));
  }

  /** Runs with {@code flags} after every command's own arguments (a cluster, a namespace…). */
  public static CliRunner with(String... flags) {
    return new CliRunner(List.of(flags));
  }

  /** Runs {@code capstan args…}; returns the exit code. */
  public int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(always);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    int code = cli.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  /** What the last run printed on stdout. */
  public String out() {
    return out;
  }

  /** What the last run printed on stderr. */
  public String err() {
    return err;
  }
}

package dev.capstan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capstan version}: the same line as {@code capstan --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Print Capstan's version.")
public final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String line : new VersionProvider().getVersion()) {
      out.println(line);
    }
    out.flush();
    return 0;
  }
}

package dev.capstan.cli.release;

import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.resource.ReleaseException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capstan history NAME}: the kept revisions of a release. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the revisions of a release.")
public final class HistoryCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ReleaseArgument target = new ReleaseArgument();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table, json or yaml (default: table).")
  HistoryPrinter.Format format = HistoryPrinter.Format.table;

  @Override
  public Integer call() {
    return target.run((cluster, namespace, release) -> {
      List<ReleaseRevision> history = cluster.store().list(namespace, release);
      if (history.isEmpty()) {
        throw new ReleaseException(namespace, release, "not found (no history in namespace " + namespace + ")");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(HistoryPrinter.print(history, format));
      out.flush();
      return 0;
    });
  }
}

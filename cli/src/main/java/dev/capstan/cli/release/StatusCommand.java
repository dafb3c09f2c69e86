package dev.capstan.cli.release;

import dev.capstan.engine.release.ObjectStatus;
import dev.capstan.engine.release.ReleaseStatus;
import dev.capstan.engine.release.StatusReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capstan status NAME}: the latest revision and the live health of each object. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a release's revision and the health of its objects.")
public final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ReleaseArgument target = new ReleaseArgument();

  @Override
  public Integer call() {
    return target.run((cluster, namespace, release) -> {
      StatusReport report = new ReleaseStatus(cluster.cluster(), cluster.store()).run(namespace, release);
      PrintWriter out = spec.commandLine().getOut();
      out.print(print(report));
      out.flush();
      return 0;
    });
  }

  static String print(StatusReport report) {
    var r = report.revision();
    StringBuilder out = new StringBuilder()
        .append("NAME: ").append(r.release()).append('\n')
        .append("NAMESPACE: ").append(r.namespace()).append('\n')
        .append("REVISION: ").append(r.number()).append('\n')
        .append("STATUS: ").append(r.status().label()).append('\n')
        .append("CHART: ").append(r.chart()).append('\n')
        .append("HEALTH: ").append(report.overall().label()).append('\n')
        .append("DESCRIPTION: ").append(r.description()).append("\n\n");
    Table table = new Table("OBJECT", "HEALTH", "MESSAGE");
    for (ObjectStatus object : report.objects()) {
      table.row(object.ref().toString(), object.health().status().label(), object.health().message());
    }
    return out.append(table.render()).toString();
  }
}

package dev.capstan.cli.release;

import dev.capstan.engine.release.Rollback;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan rollback NAME [REVISION]}: a new revision with an earlier revision's content. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Roll a release back to an earlier revision (default: the one before the deployed revision).")
public final class RollbackCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ReleaseArgument target = new ReleaseArgument();

  @Parameters(index = "1", arity = "0..1", paramLabel = "REVISION", description = "Revision to roll back to.")
  int revision;

  @Option(names = "--wait", description = "Wait until every object is healthy.")
  boolean waitHealthy;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long waits may take (default: 5m).")
  Duration timeout = Duration.ofMinutes(5);

  @Override
  public Integer call() {
    return target.run((cluster, namespace, release) -> {
      SyncOptions options = SyncOptions.defaults().withWait(waitHealthy).withTimeout(timeout);
      SyncResult result = new Rollback(cluster.cluster(), cluster.store(), options,
          Terminal.progress(spec.commandLine().getErr())).run(namespace, release, revision);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Release " + namespace + "/" + release + ": revision " + result.revision().number() + " "
          + result.revision().status().label() + " (" + result.revision().description() + ")");
      out.flush();
      return 0;
    });
  }
}

package dev.capstan.cli.release;

import dev.capstan.engine.release.Uninstall;
import dev.capstan.engine.resource.Change;
import dev.capstan.engine.resource.ChangeSet;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capstan uninstall NAME}: delete a release's objects, then its history. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
    description = "Delete every object of a release (keeping those annotated capstan.dev/prune: disabled) and its history.")
public final class UninstallCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ReleaseArgument target = new ReleaseArgument();

  @Override
  public Integer call() {
    return target.run((cluster, namespace, release) -> {
      ChangeSet deleted = new Uninstall(cluster.cluster(), cluster.store()).run(namespace, release);
      PrintWriter out = spec.commandLine().getOut();
      for (Change change : deleted.changes()) {
        out.println(change.ref() + " " + change.action().name().toLowerCase(Locale.ROOT));
      }
      out.println("Release " + namespace + "/" + release + " uninstalled");
      out.flush();
      return 0;
    });
  }
}

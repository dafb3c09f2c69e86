package dev.capstan.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.capstan.cli.release.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan app}: the running agent's applications, read and acted on through its API. */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Inspect and act on a running agent's applications.",
    subcommands = {AppCommand.ListApps.class, AppCommand.Get.class, AppCommand.Diff.class, AppCommand.History.class,
        AppCommand.Sync.class, AppCommand.Rollback.class, AppCommand.Suspend.class, AppCommand.Resume.class})
public final class AppCommand {
  /** Options every {@code app} subcommand takes. */
  static final class ServerFlags {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:CAPSTAN_SERVER:-http://127.0.0.1:8080}",
        description = "The agent's address (default: $CAPSTAN_SERVER or ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CAPSTAN_API_TOKEN}",
        description = "Bearer token the agent's API asks for (default: $CAPSTAN_API_TOKEN).")
    String token;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table, json or yaml (default: table).")
    Format output;

    AgentClient client() {
      return new AgentClient(server, token);
    }
  }

  enum Format { table, json, yaml }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  static void print(PrintWriter out, Format format, JsonNode node, Runnable table) {
    try {
      switch (format) {
        case json -> out.println(JSON.writeValueAsString(node));
        case yaml -> out.print(YAML.writeValueAsString(node));
        case table -> table.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  static String text(JsonNode node, String pointer) {
    JsonNode v = node.at(pointer);
    return v.isMissingNode() || v.isNull() ? "-" : v.asText();
  }

  static String shortSha(String sha) {
    return sha.length() > 12 && !sha.equals("-") ? sha.substring(0, 12) : sha;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Applications with their sync and health status.")
  static final class ListApps implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;

    @Override
    public Integer call() {
      JsonNode apps = flags.client().get("applications");
      PrintWriter out = spec.commandLine().getOut();
      print(out, flags.output, apps, () -> out.print(table(apps)));
      return 0;
    }

    /** The table {@code app list} prints for the API's {@code /api/v1/applications}. */
    static String table(JsonNode apps) {
      Table t = new Table("NAME", "CLUSTER", "NAMESPACE", "SYNC", "HEALTH", "REVISION");
      apps.forEach(a -> t.row(text(a, "/metadata/name"), cluster(a), text(a, "/spec/destination/namespace"), text(a, "/status/sync/status"),
          text(a, "/status/health/status"), shortSha(text(a, "/status/sync/revision"))));
      return t.render();
    }
  }

  /** The cluster an application deploys to: {@code in-cluster} when its spec names none. */
  static String cluster(JsonNode app) {
    String named = text(app, "/spec/destination/cluster");
    return named.equals("-") ? "in-cluster" : named;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One application with its status and conditions.")
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode app = flags.client().get("applications/" + name);
      PrintWriter out = spec.commandLine().getOut();
      print(out, flags.output, app, () -> {
        out.printf("Name:       %s%n", text(app, "/metadata/name"));
        out.printf("Source:     %s @ %s /%s%n", text(app, "/spec/source/repoURL"), text(app, "/spec/source/ref"), text(app, "/spec/source/path"));
        out.printf("Namespace:  %s%n", text(app, "/spec/destination/namespace"));
        out.printf("Cluster:    %s%n", cluster(app));
        out.printf("Sync:       %s %s%n", text(app, "/status/sync/status"), shortSha(text(app, "/status/sync/revision")));
        out.printf("Health:     %s%s%n", text(app, "/status/health/status"),
            app.at("/status/health/message").isTextual() ? " (" + text(app, "/status/health/message") + ")" : "");
        app.at("/status/conditions").forEach(c -> out.printf("Condition:  %s=%s %s: %s%n",
            text(c, "/type"), text(c, "/status"), text(c, "/reason"), text(c, "/message")));
      });
      return 0;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true, description = "What a sync would change. Exit 0 in sync, 1 when there are differences.")
  static final class Diff implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      JsonNode summary = flags.client().get("applications/" + name + "/diff");
      if (flags.output == Format.table) {
        out.print(flags.client().getText("applications/" + name + "/diff?format=text"));
        out.flush();
      } else {
        print(out, flags.output, summary, () -> { });
      }
      return summary.path("inSync").asBoolean(false) ? 0 : 1;
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true, description = "The application's release revisions, newest first.")
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode history = flags.client().get("applications/" + name + "/history");
      PrintWriter out = spec.commandLine().getOut();
      print(out, flags.output, history, () -> {
        Table t = new Table("REVISION", "DEPLOYED", "STATUS", "GIT REVISION");
        history.forEach(h -> t.row(text(h, "/revision"), text(h, "/deployedAt"), text(h, "/status"), shortSha(text(h, "/gitRevision"))));
        out.print(t.render());
      });
      return 0;
    }
  }

  @Command(name = "sync", mixinStandardHelpOptions = true, description = "Sync now, also when automated sync is off.")
  static final class Sync implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(paramLabel = "NAME") String name;

    @Option(names = "--override-sync-windows", description = "Sync even while a deny window is open.")
    boolean override;

    @Override
    public Integer call() {
      flags.client().post("applications/" + name + "/sync", Map.of("overrideSyncWindows", override));
      spec.commandLine().getOut().printf("sync of %s queued%n", name);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Put an earlier revision back, as a new revision.")
  static final class Rollback implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Parameters(index = "1", paramLabel = "REVISION") int revision;

    @Override
    public Integer call() {
      JsonNode entry = flags.client().post("applications/" + name + "/rollback", Map.of("revision", revision));
      PrintWriter out = spec.commandLine().getOut();
      print(out, flags.output, entry, () -> out.printf("%s rolled back to revision %d as revision %s%n", name, revision, text(entry, "/revision")));
      return 0;
    }
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true,
      description = {"Stop every sync of the application: sets spec.suspend on its Application resource, as flux suspend does.",
          "Only for an agent watching Application resources; one reading files says where to change it."})
  static final class Suspend implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return setSuspend(spec, flags, name, true);
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Let a suspended application sync again: sets spec.suspend to false, as flux resume does.")
  static final class Resume implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerFlags flags;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return setSuspend(spec, flags, name, false);
    }
  }

  private static int setSuspend(CommandSpec spec, ServerFlags flags, String name, boolean suspend) {
    flags.client().post("applications/" + name + (suspend ? "/suspend" : "/resume"), Map.of());
    spec.commandLine().getOut().printf("%s %s: spec.suspend set to %s%n", name, suspend ? "suspended" : "resumed", suspend);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

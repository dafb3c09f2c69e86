package dev.capstan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The one list of subcommands, in the order {@code capstan --help} shows them. Each is created only
 * when needed: picocli builds a command's whole model up front, and building all of them cost a
 * cold {@code capstan render} a fifth of its start-up.
 */
final class Subcommands {
  static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("render", dev.capstan.cli.render.RenderCommand::new);
    ALL.put("lint", dev.capstan.cli.lint.LintCommand::new);
    ALL.put("create", dev.capstan.cli.create.CreateCommand::new);
    ALL.put("package", dev.capstan.cli.chart.PackageCommand::new);
    ALL.put("pull", dev.capstan.cli.chart.PullCommand::new);
    ALL.put("push", dev.capstan.cli.chart.PushCommand::new);
    ALL.put("dependency", dev.capstan.cli.chart.DependencyCommand::new);
    ALL.put("registry", dev.capstan.cli.chart.RegistryCommand::new);
    ALL.put("diff", dev.capstan.cli.release.DiffCommand::new);
    ALL.put("apply", dev.capstan.cli.release.ApplyCommand::new);
    ALL.put("history", dev.capstan.cli.release.HistoryCommand::new);
    ALL.put("rollback", dev.capstan.cli.release.RollbackCommand::new);
    ALL.put("uninstall", dev.capstan.cli.release.UninstallCommand::new);
    ALL.put("status", dev.capstan.cli.release.StatusCommand::new);
    ALL.put("sandbox", dev.capstan.cli.sandbox.SandboxCommand::new);
    ALL.put("agent", dev.capstan.cli.agent.AgentCommand::new);
    ALL.put("app", dev.capstan.cli.app.AppCommand::new);
    ALL.put("cluster", dev.capstan.cli.app.ClusterCommand::new);
    ALL.put("up", dev.capstan.cli.up.UpCommand::new);
    ALL.put("version", VersionCommand::new);
  }

  private Subcommands() {}

  /** Every subcommand. */
  static void register(CommandLine cli) {
    ALL.values().forEach(command -> add(cli, command.get()));
  }

  /**
   * Adds {@code command}. Where {@code --version} is still picocli's version flag (commands that take
   * no chart), it prints Capstan's version, as {@code capstan --version} does, instead of nothing.
   */
  private static void add(CommandLine cli, Object command) {
    CommandLine sub = new CommandLine(command);
    withVersion(sub);
    cli.addSubcommand(sub);
  }

  private static void withVersion(CommandLine command) {
    if (command.getCommandSpec().versionProvider() == null) {
      command.getCommandSpec().versionProvider(new VersionProvider());
    }
    command.getSubcommands().values().forEach(Subcommands::withVersion);
  }

  /** Only the subcommand {@code args} names, or every one when they name none (help, typos). */
  static void register(CommandLine cli, String[] args) {
    Supplier<Object> named = null;
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        named = ALL.get(arg);
        break;
      }
    }
    if (named == null) {
      register(cli);
    } else {
      add(cli, named.get());
    }
  }
}

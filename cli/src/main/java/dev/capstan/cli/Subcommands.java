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
  }

  private Subcommands() {}

  /** Every subcommand. */
  static void register(CommandLine cli) {
    ALL.values().forEach(command -> cli.addSubcommand(command.get()));
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
      cli.addSubcommand(named.get());
    }
  }
}

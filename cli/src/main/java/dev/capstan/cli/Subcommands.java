package dev.capstan.cli;

import picocli.CommandLine;

/** The one list of subcommands; each feature adds its command class here. */
final class Subcommands {
  private Subcommands() {}

  static void register(CommandLine cli) {
    // Commands are added here as modules land (render, lint, create, sandbox, diff, apply, ...).
    cli.addSubcommand(new dev.capstan.cli.sandbox.SandboxCommand());
    cli.addSubcommand(new dev.capstan.cli.render.RenderCommand());
    cli.addSubcommand(new dev.capstan.cli.release.DiffCommand());
    cli.addSubcommand(new dev.capstan.cli.release.ApplyCommand());
    cli.addSubcommand(new dev.capstan.cli.release.HistoryCommand());
    cli.addSubcommand(new dev.capstan.cli.release.RollbackCommand());
    cli.addSubcommand(new dev.capstan.cli.release.UninstallCommand());
    cli.addSubcommand(new dev.capstan.cli.release.StatusCommand());
    cli.addSubcommand(new dev.capstan.cli.lint.LintCommand());
    cli.addSubcommand(new dev.capstan.cli.create.CreateCommand());
    cli.addSubcommand(new dev.capstan.cli.agent.AgentCommand());
    cli.addSubcommand(new dev.capstan.cli.app.AppCommand());
    cli.addSubcommand(new dev.capstan.cli.up.UpCommand());
  }
}

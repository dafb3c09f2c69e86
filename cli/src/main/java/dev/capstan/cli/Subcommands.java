package dev.capstan.cli;

import picocli.CommandLine;

/** The one list of subcommands; each feature adds its command class here. */
final class Subcommands {
  private Subcommands() {}

  static void register(CommandLine cli) {
    // Commands are added here as modules land (render, lint, create, sandbox, diff, apply, ...).
    cli.addSubcommand(new dev.capstan.cli.render.RenderCommand());
  }
}

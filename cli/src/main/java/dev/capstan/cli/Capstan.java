package dev.capstan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code capstan} command. Subcommands parse and print; the modules do the work. */
@Command(
    name = "capstan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "GitOps continuous delivery for Kubernetes: render charts, diff, apply and keep them in sync with Git.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Capstan {

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces for errors.")
  boolean debug;

  public static void main(String[] args) {
    CommandLine cli = configure(new CommandLine(new Capstan()));
    Subcommands.register(cli, args);
    System.exit(cli.execute(args));
  }

  /** Runs the command line and returns the exit code; used by tests without forking a JVM. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** A fresh command line with every subcommand; tests run it in-process with their own writers. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Capstan());
    Subcommands.register(cli);
    return configure(cli);
  }

  private static CommandLine configure(CommandLine cli) {
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setParameterExceptionHandler(new ErrorReporter());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}

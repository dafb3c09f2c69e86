package dev.capstan.cli;

import dev.capstan.core.CapstanException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place exceptions become what a user sees: a single line on stderr and an exit code. Stack
 * traces only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Exit code for any error (bad input, failed render, failed apply). */
  static final int ERROR = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("Error: " + oneLine(ex));
    if (debugRequested(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    Integer code = cmd.getExitCodeExceptionMapper() == null ? null : cmd.getExitCodeExceptionMapper().getExitCode(ex);
    return code == null ? ERROR : code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("Error: " + ex.getMessage());
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  static String oneLine(Throwable ex) {
    if (ex instanceof CapstanException) {
      return flatten(ex.getMessage());
    }
    String message = ex.getMessage();
    if (ex.getCause() != null && (message == null || message.equals(ex.getCause().toString()))) {
      return oneLine(ex.getCause());
    }
    return flatten(message == null ? ex.getClass().getSimpleName() : message);
  }

  private static String flatten(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}

package dev.capstan.chart.gotemplate.helmfuncs;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * SnakeYAML's syntax errors in the words of goyaml.v2 (libyaml's port) for the common ones, with
 * goyaml.v2's line rule: none on the first line, the 1-based line for a scanner error, the 0-based
 * one for a parser error, the end of input counted as a new line when the text has no final
 * newline. Other errors keep SnakeYAML's problem text.
 */
final class YamlErrors {
  private YamlErrors() {}

  static String goMessage(MarkedYAMLException e, String text) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    boolean scanner = e instanceof ScannerException;
    String message = problem;
    if (problem.startsWith("mapping values are not allowed")) {
      message = "mapping values are not allowed in this context";
    } else if (problem.startsWith("expected ',' or ']'")) {
      message = "did not find expected ',' or ']'";
    } else if (problem.startsWith("expected ',' or '}'")) {
      message = "did not find expected ',' or '}'";
    } else if (problem.startsWith("expected the node content")) {
      message = "did not find expected node content";
    } else if (problem.startsWith("expected <block end>")) {
      message = context.contains("mapping") ? "did not find expected key"
          : "did not find expected '-' indicator";
    } else if (problem.startsWith("expected chomping or indentation indicators")) {
      message = "did not find expected comment or line break";
    } else if (problem.startsWith("could not find expected ':'")) {
      message = "could not find expected ':'";
    } else if (problem.contains("that cannot start any token")) {
      message = problem.contains("(TAB)") ? "found a tab character that violates indentation"
          : "found character that cannot start any token";
    } else if (problem.startsWith("found undefined alias ")) {
      // Reported by goyaml.v2's decoder, without a line.
      return "unknown anchor '" + problem.substring("found undefined alias ".length())
          + "' referenced";
    }
    Mark mark = e.getProblemMark();
    int line = mark == null ? 0 : mark.getLine();
    if (!scanner && mark != null && mark.getIndex() >= text.length() && !text.endsWith("\n")
        && !text.isEmpty()) {
      line++;
    }
    if (line != 0) {
      return "line " + (scanner ? line + 1 : line) + ": " + message;
    }
    Mark contextMark = e.getContextMark();
    if (contextMark != null && contextMark.getLine() != 0) {
      return "line " + contextMark.getLine() + ": " + message;
    }
    return message;
  }
}

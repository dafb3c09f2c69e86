package dev.capstan.chart.values;

import dev.capstan.core.CapstanException;

/**
 * Bad values: a values file that does not parse (where = {@code file:line}), a bad {@code --set}
 * expression (where = the flag, the expression and the character position), or values that break a
 * chart's schema (where = {@code <chart>/values.schema.json} and the JSON path).
 */
public class ValuesException extends CapstanException {
  public ValuesException(String where, String message) {
    super(where, message);
  }

  public ValuesException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }

  /** A bad flag expression; {@code position} counts characters from 1. */
  static ValuesException atFlag(SetFlag flag, String expression, int position, String message) {
    return new ValuesException(
        flag.flagName() + " \"" + expression + "\" at character " + position, message);
  }
}

package dev.capstan.chart.values;

import dev.capstan.core.CapstanException;

/**
 * Bad values: a values file that does not parse (where = {@code file:line}), a bad {@code --set}
 * expression (where = the flag, which of its uses, and the character position), or values that break a
 * chart's schema (where = {@code <chart>/values.schema.json} and the JSON path).
 */
public class ValuesException extends CapstanException {
  public ValuesException(String where, String message) {
    super(where, message);
  }

  public ValuesException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }

  /**
   * A bad flag expression, as {@code --set #2 at character 14}: the second {@code --set} given,
   * characters counted from 1. The expression itself is not repeated, as its values may be secrets.
   */
  static ValuesException atFlag(SetFlag flag, int occurrence, int position, String message) {
    return new ValuesException(
        flag.flagName() + " #" + occurrence + " at character " + position, message);
  }
}

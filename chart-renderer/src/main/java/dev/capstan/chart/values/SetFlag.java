package dev.capstan.chart.values;

/**
 * The flags that set single values, in the order Helm applies them: a later type wins over an earlier
 * one whatever their order on the command line.
 */
public enum SetFlag {
  /** Values are JSON; an empty value is {@code null}. */
  SET_JSON("--set-json"),
  /** {@code true}/{@code false}/{@code null} in any case and base-10 integers are typed. */
  SET("--set"),
  /** Every value is a string. */
  SET_STRING("--set-string"),
  /** The value is a path; the file's content becomes the string value. */
  SET_FILE("--set-file"),
  /** One key per flag; everything after the first {@code =} is the string value, verbatim. */
  SET_LITERAL("--set-literal");

  private final String flagName;

  SetFlag(String flagName) {
    this.flagName = flagName;
  }

  public String flagName() {
    return flagName;
  }
}

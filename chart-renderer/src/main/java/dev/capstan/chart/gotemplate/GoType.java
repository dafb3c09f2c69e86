package dev.capstan.chart.gotemplate;

/**
 * The Go type a function parameter declares. Text/template checks each argument against it as Go's
 * reflect does: a value must be assignable (an {@code int64} is not an {@code int}, a
 * {@code float64} is not an {@code int}: {@code wrong type for value; expected int; got float64}),
 * except that an untyped constant written in the template ({@code 3}, {@code 1.5}) converts to the
 * parameter's numeric type, and {@code nil} becomes the zero value of {@link #ANY}, {@link #LIST},
 * {@link #MAP} and {@link #BYTES}.
 */
public enum GoType {
  /** {@code interface{}}: anything, passed as it is. */
  ANY("interface {}"),
  STRING("string"),
  BOOL("bool"),
  INT("int"),
  INT64("int64"),
  FLOAT64("float64"),
  /** {@code []interface{}}. */
  LIST("[]interface {}"),
  /** {@code []string}: a list whose elements are all strings. */
  STRINGS("[]string"),
  /** {@code map[string]interface{}}. */
  MAP("map[string]interface {}"),
  /** {@code []byte}. */
  BYTES("[]uint8");

  private final String goName;

  GoType(String goName) {
    this.goName = goName;
  }

  /** The type as Go prints it in error messages. */
  public String goName() {
    return goName;
  }
}

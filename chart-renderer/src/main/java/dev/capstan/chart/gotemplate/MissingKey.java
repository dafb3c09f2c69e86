package dev.capstan.chart.gotemplate;

/**
 * Go's {@code missingkey} option: what a missing map key evaluates to. Helm renders with
 * {@link #ZERO} ({@link #ERROR} under {@code --strict}).
 */
public enum MissingKey {
  /** Go's default: the "no value" (invalid) value; {@code .a.b} on a missing {@code a} is no value. */
  DEFAULT,
  /** The map's zero value, a nil interface: {@code .a.b} on a missing {@code a} is a nil pointer error. */
  ZERO,
  /** An error: {@code map has no entry for key "a"}. */
  ERROR
}

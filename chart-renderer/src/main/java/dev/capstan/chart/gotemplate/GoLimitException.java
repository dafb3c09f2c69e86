package dev.capstan.chart.gotemplate;

/** A {@link GoBudget} refusing more work; the message says which limit, e.g. the output size. */
public class GoLimitException extends RuntimeException {
  public GoLimitException(String message) {
    super(message, null, false, false);
  }
}

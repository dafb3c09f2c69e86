package dev.capstan.chart.gotemplate;

/**
 * A template function's Go error (or panic): only the message, as Go's {@code err.Error()} would
 * say it. The executor adds {@code error calling NAME: } and the template place.
 */
public class GoFuncException extends RuntimeException {
  public GoFuncException(String message) {
    super(message, null, false, false);
  }
}

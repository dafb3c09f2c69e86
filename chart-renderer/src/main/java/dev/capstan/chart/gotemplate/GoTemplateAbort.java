package dev.capstan.chart.gotemplate;

/**
 * An error that stops the whole execution and stays one short line however deep it happened: the
 * function calls it passes through ({@code include}, {@code tpl}) do not add Go's
 * {@code error calling NAME: } and their place, as they would to a {@link GoTemplateException},
 * which made a recursion stopped at depth 100 a 12 KB line. Each call it passes records only its
 * place: the innermost is where it stopped, the outermost where the chain started, e.g.
 * {@code template: c/templates/_h.tpl:1:18: include "loop" recursed past 100 levels (first call at
 * c/templates/main.yaml:1:3)}.
 */
public final class GoTemplateAbort extends GoTemplateException {
  private final String reason;
  private final boolean placed;
  private String at;
  private String firstCall;

  private GoTemplateAbort(String templateName, String reason, boolean placed) {
    super(templateName, reason);
    this.reason = reason;
    this.placed = placed;
  }

  /** {@code reason} without a place: the call that receives it first adds its own. */
  public static GoTemplateAbort of(String reason) {
    return new GoTemplateAbort("", reason, false);
  }

  /** An error whose message already names its place (Go's complete message), passed on unchanged. */
  public static GoTemplateAbort of(GoTemplateException e) {
    return e instanceof GoTemplateAbort a ? a : new GoTemplateAbort(e.templateName(), e.getMessage(), true);
  }

  /** Called by each function call the abort passes through, innermost first. */
  void passedThrough(String location) {
    if (at == null) {
      at = location;
    }
    firstCall = location;
  }

  @Override
  public String getMessage() {
    String message = placed || at == null ? reason : "template: " + at + ": " + reason;
    return firstCall == null || firstCall.equals(at) && !placed ? message : message + " (first call at " + firstCall + ")";
  }
}

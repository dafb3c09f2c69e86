package dev.capstan.chart.template;

import dev.capstan.core.CapstanException;
import io.pebbletemplates.pebble.error.ClassAccessException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.utils.LimitedSizeWriter;

/**
 * Turns whatever a Pebble compile or render throws into a {@link TemplateException}, using the
 * exception's own file and line fields. Our own errors thrown from filters pass through as they are.
 */
final class PebbleErrors {
  private PebbleErrors() {}

  static CapstanException convert(Throwable e, String fallbackPath) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CapstanException c) {
        return c instanceof TemplateException ? c : new TemplateException(fallbackPath, 0, 0, c.getMessage(), c);
      }
    }
    PebbleException pebble = innermostPebble(e);
    if (pebble == null) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new TemplateException(fallbackPath, 0, 0, message, e);
    }
    String path = pebble.getFileName() == null ? fallbackPath : pebble.getFileName();
    int line = pebble.getLineNumber() == null ? 0 : pebble.getLineNumber();
    String message = pebble instanceof ClassAccessException
        ? "Java method calls are not allowed in templates (" + pebble.getPebbleMessage() + ")"
        : pebble.getPebbleMessage();
    return new TemplateException(path, line, 0, message == null ? "template error" : message.strip(), e);
  }

  /** Whether Pebble's own size guard (its writer) threw; a structural check, not message text. */
  static boolean isPebbleSizeLimit(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return e instanceof PebbleException && trace.length > 0
        && trace[0].getClassName().equals(LimitedSizeWriter.class.getName());
  }

  /** The innermost Pebble exception that still knows a file and line. */
  private static PebbleException innermostPebble(Throwable e) {
    PebbleException found = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PebbleException p && (found == null || p.getLineNumber() != null)) {
        found = p;
      }
    }
    return found;
  }
}

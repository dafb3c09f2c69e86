package dev.capstan.cli.release;

import dev.capstan.engine.health.WaitProgress;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Colour and live progress only when a person is watching: a console, a capable TERM, no NO_COLOR. */
final class Terminal {
  private Terminal() {}

  static boolean interactive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM")) && System.getenv("NO_COLOR") == null;
  }

  /** A progress line rewritten in place on a terminal; nothing otherwise (scripts want quiet). */
  static Consumer<WaitProgress> progress(PrintWriter err) {
    if (!interactive()) {
      return p -> { };
    }
    return p -> {
      String line = p.line();
      err.print("\r\u001b[2K" + (line.length() > 150 ? line.substring(0, 147) + "..." : line));
      if (p.holdups().isEmpty()) {
        err.print("\r\u001b[2K");
      }
      err.flush();
    };
  }
}

package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoBudget;
import dev.capstan.chart.gotemplate.GoFuncException;

/**
 * What one function call may produce. Go would allocate whatever a template asks for; a template
 * here is untrusted, so every size it controls is checked before anything is allocated, and a
 * call that would exceed it fails as a template error instead of exhausting the heap. The render's
 * own {@link GoBudget} is asked first (its message names the render's limit); these caps hold even
 * under a generous budget.
 */
final class Limits {
  /** Characters of one string result (a few MiB of heap). */
  static final long MAX_STRING = 4L * 1024 * 1024;

  /** Elements of one list result ({@code until}, {@code seq}, {@code untilStep}...). */
  static final long MAX_LIST = 100_000;

  /** Random bytes or characters one call may draw. */
  static final long MAX_RANDOM = 64 * 1024;

  private Limits() {}

  static void checkString(String fn, long size) {
    GoBudget.current().size(size);
    if (size > MAX_STRING) {
      throw new GoFuncException(
          fn + ": result of " + size + " characters exceeds the limit of " + MAX_STRING);
    }
  }

  static void checkList(String fn, long size) {
    GoBudget.current().size(size);
    if (size > MAX_LIST) {
      throw new GoFuncException(
          fn + ": result of " + size + " elements exceeds the limit of " + MAX_LIST);
    }
  }

  static void checkRandom(String fn, long size) {
    if (size > MAX_RANDOM) {
      throw new GoFuncException(fn + ": " + size + " exceeds the limit of " + MAX_RANDOM);
    }
  }
}

package dev.capstan.chart.template;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks made before one of Pebble's own filters runs, where the filter would otherwise allocate
 * or compute without bound on input a template controls. {@code format}'s width and precision are
 * checked against the output limit before {@code String.format} pads to them; {@code split}'s
 * delimiter is taken literally, as Sprig's {@code split} and {@code splitList} take it, because a
 * regular expression from a values file can backtrack for seconds ({@code (a{1,20}){1,20}b}) in
 * code no budget check reaches.
 */
final class FilterPreflight {
  /** A format specifier's width and precision: {@code %[index$][flags][width][.precision]conversion}. */
  private static final Pattern SPECIFIER = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d+)?(?:\\.(\\d+))?[a-zA-Z%]");

  private FilterPreflight() {}

  /**
   * The arguments the filter should run with, after checking them; throws when the filter may not
   * run at all.
   */
  static Map<String, Object> check(String filter, Object input, Map<String, Object> args, RenderBudget budget, String path,
      int line) {
    return switch (filter) {
      case "format" -> {
        checkFormat(input, budget, path, line);
        yield args;
      }
      case "split" -> literalDelimiter(args);
      default -> args;
    };
  }

  private static void checkFormat(Object input, RenderBudget budget, String path, int line) {
    if (!(input instanceof CharSequence format)) {
      return;
    }
    Matcher m = SPECIFIER.matcher(format);
    while (m.find()) {
      for (int group = 1; group <= 2; group++) {
        String digits = m.group(group);
        if (digits != null) {
          budget.checkSize(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits), path, line);
        }
      }
    }
  }

  private static Map<String, Object> literalDelimiter(Map<String, Object> args) {
    Object delimiter = args.get("delimiter");
    if (!(delimiter instanceof String text)) {
      return args;
    }
    Map<String, Object> literal = new HashMap<>(args);
    literal.put("delimiter", Pattern.quote(text));
    return literal;
  }
}

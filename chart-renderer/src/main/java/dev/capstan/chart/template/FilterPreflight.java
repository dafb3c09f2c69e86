package dev.capstan.chart.template;

import java.util.Arrays;
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
      case "join" -> {
        checkJoin(input, args, budget, path, line);
        yield args;
      }
      case "replace" -> {
        checkReplace(input, args, budget, path, line);
        yield args;
      }
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

  /**
   * {@code join}'s result, measured element by element before Pebble's StringBuilder grows to it:
   * a lazy {@code range(0, 10000000)} is small, its join is not.
   */
  private static void checkJoin(Object input, Map<String, Object> args, RenderBudget budget, String path, int line) {
    Iterable<?> items = input instanceof Iterable<?> it ? it : input instanceof Object[] array ? Arrays.asList(array) : null;
    if (items == null) {
      return;
    }
    Object separator = args.get("separator");
    long separatorLength = separator == null ? 0 : String.valueOf(separator).length();
    long total = 0;
    for (Object item : items) {
      total += String.valueOf(item).length() + separatorLength;
      if (total > budget.maxOutputChars()) {
        budget.checkSize(total, path, line);
      }
    }
  }

  /**
   * {@code replace}'s result, pair by pair as Pebble applies them, measured before each step
   * allocates it: a short input and a long replacement multiply.
   */
  private static void checkReplace(Object input, Map<String, Object> args, RenderBudget budget, String path, int line) {
    if (!(input instanceof CharSequence text) || !(args.get("replace_pairs") instanceof Map<?, ?> pairs)) {
      return;
    }
    String current = text.toString();
    for (Map.Entry<?, ?> pair : pairs.entrySet()) {
      String target = String.valueOf(pair.getKey());
      String replacement = String.valueOf(pair.getValue());
      long count = occurrences(current, target);
      budget.checkSize(current.length() + count * (replacement.length() - (long) target.length()), path, line);
      current = current.replace(target, replacement);
    }
  }

  private static long occurrences(String text, String target) {
    if (target.isEmpty()) {
      return text.length() + 1L; // String.replace inserts between every character
    }
    long count = 0;
    for (int at = text.indexOf(target); at >= 0; at = text.indexOf(target, at + target.length())) {
      count++;
    }
    return count;
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

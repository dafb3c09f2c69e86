package dev.capstan.chart.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words for {@code kebabcase}, {@code snakecase} and {@code camelcase}, as Sprig
 * (xstrings) does: at non-alphanumerics, at a lower-to-upper change ({@code firstName}) and before
 * the last capital of an acronym ({@code HTTPServer} → HTTP, Server).
 */
final class CaseWords {
  private CaseWords() {}

  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0 && Character.isUpperCase(c)) {
        char prev = word.charAt(word.length() - 1);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (!Character.isUpperCase(prev) || nextLower) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  static String join(String s, String separator) {
    return String.join(separator, split(s).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
  }

  /** Sprig's camelcase: {@code http_server} → {@code HttpServer}. */
  static String camel(String s) {
    StringBuilder b = new StringBuilder();
    for (String w : s.split("[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return b.toString();
  }
}

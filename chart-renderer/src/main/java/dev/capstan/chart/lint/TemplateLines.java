package dev.capstan.chart.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a line of rendered output back to the template line that most likely wrote it. Pebble
 * keeps no source map, so this matches text: the template line that reads exactly like the
 * rendered one, else the only template line that writes the same key. When neither is unique the
 * answer is 0 (unknown): a wrong line is worse than none.
 */
final class TemplateLines {
  private TemplateLines() {}

  static int find(String template, String renderedLine, String key) {
    String[] lines = template.split("\\R", -1);
    String wanted = renderedLine.strip();
    List<Integer> exact = new ArrayList<>();
    List<Integer> sameKey = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals(wanted)) {
        exact.add(i + 1);
      }
      if (key != null && (line.startsWith(key + ":") || line.startsWith("- " + key + ":"))) {
        sameKey.add(i + 1);
      }
    }
    if (exact.size() == 1) {
      return exact.get(0);
    }
    return sameKey.size() == 1 ? sameKey.get(0) : 0;
  }

  /** Line {@code number} (1-based) of {@code text}, or the empty string when there is none. */
  static String line(String text, int number) {
    String[] lines = text.split("\\R", -1);
    return number >= 1 && number <= lines.length ? lines[number - 1] : "";
  }
}

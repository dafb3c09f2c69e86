package dev.capstan.chart.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a line of a rendered document back to the template line that most likely wrote it. Pebble
 * keeps no source map, so this matches text. First the template's {@code ---}-separated part
 * that shares the most lines with the rendered document is chosen (several documents in one file
 * often repeat lines such as {@code kind: Service}); in it, the line that reads exactly like the
 * rendered one wins, else the only line that writes the same key. When neither is unique the answer
 * is 0 (unknown): a wrong line is worse than none.
 */
final class TemplateLines {
  private TemplateLines() {}

  /** The 1-based template line for line {@code renderedLine} of {@code rendered}, or 0. */
  static int find(String template, String rendered, int renderedLine, String key) {
    String[] lines = template.split("\\R", -1);
    int[] part = bestPart(lines, rendered);
    String wanted = line(rendered, renderedLine).strip();
    List<Integer> exact = new ArrayList<>();
    List<Integer> sameKey = new ArrayList<>();
    for (int i = part[0]; i < part[1]; i++) {
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

  /** [from, to) of the template part sharing most lines with the rendered document; all if tied. */
  private static int[] bestPart(String[] lines, String rendered) {
    Set<String> renderedLines = new HashSet<>();
    rendered.lines().map(String::strip).forEach(renderedLines::add);
    int[] best = {0, lines.length};
    int bestScore = -1;
    boolean tied = false;
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i == lines.length || lines[i].strip().equals("---")) {
        int score = 0;
        for (int j = start; j < i; j++) {
          score += renderedLines.contains(lines[j].strip()) ? 1 : 0;
        }
        if (score > bestScore) {
          best = new int[] {start, i};
          bestScore = score;
          tied = false;
        } else if (score == bestScore) {
          tied = true;
        }
        start = i + 1;
      }
    }
    return tied ? new int[] {0, lines.length} : best;
  }

  /** Line {@code number} (1-based) of {@code text}, or the empty string when there is none. */
  static String line(String text, int number) {
    String[] lines = text.split("\\R", -1);
    return number >= 1 && number <= lines.length ? lines[number - 1] : "";
  }
}

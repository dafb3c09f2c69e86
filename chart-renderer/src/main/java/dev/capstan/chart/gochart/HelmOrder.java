package dev.capstan.chart.gochart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order Helm's engine parses and executes templates in (engine.sortTemplates): more path
 * segments first, then reverse alphabetical. It decides which of two {@code define}s of one name
 * wins (the later parsed) and which failing template is reported.
 */
final class HelmOrder {
  private static final Comparator<String> BY_PATH_LEN = Comparator
      .comparingLong((String p) -> p.chars().filter(c -> c == '/').count())
      .thenComparing(Comparator.naturalOrder());

  private HelmOrder() {}

  static List<String> sort(Collection<String> paths) {
    List<String> out = new ArrayList<>(paths);
    out.sort(BY_PATH_LEN.reversed());
    return out;
  }
}

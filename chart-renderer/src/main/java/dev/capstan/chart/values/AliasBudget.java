package dev.capstan.chart.values;

/**
 * Helm's defence against YAML alias bombs ("billion laughs"), as its YAML library (go-yaml) applies
 * it: every node decoded counts, nodes decoded through an alias count as aliased too, and once a
 * document has decoded more than 1,000 nodes with over 100 of them aliased, the aliased share may
 * not pass a ratio that falls from 99 % (up to 400,000 nodes) to 10 % (from 4,000,000). An alias is
 * priced before its copy is made, so a 380-byte document that would expand to billions of nodes is
 * refused before it allocates them.
 */
final class AliasBudget {
  private static final long RATIO_LOW = 400_000;
  private static final long RATIO_HIGH = 4_000_000;

  private long nodes;
  private long aliased;

  /** Counts one node read from the text; false when the document is over budget. */
  boolean node() {
    nodes++;
    return allowed();
  }

  /** Counts the alias itself and the {@code copied} nodes it expands to; false when over budget. */
  boolean alias(long copied) {
    nodes += 1 + copied;
    aliased += copied;
    return allowed();
  }

  long nodes() {
    return nodes;
  }

  private boolean allowed() {
    return aliased <= 100 || nodes <= 1000 || (double) aliased / nodes <= allowedRatio(nodes);
  }

  static double allowedRatio(long decoded) {
    if (decoded <= RATIO_LOW) {
      return 0.99;
    }
    if (decoded >= RATIO_HIGH) {
      return 0.10;
    }
    return 0.99 - 0.89 * ((double) (decoded - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
  }

  static String describe() {
    return "aliases may expand to at most 99 % of the nodes read, falling to 10 % at 4,000,000 nodes, as Helm allows";
  }
}

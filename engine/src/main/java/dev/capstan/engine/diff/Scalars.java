package dev.capstan.engine.diff;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Equality of leaf values as Kubernetes means it: {@code 80} and {@code "80"} (int-or-string), and
 * {@code "1"}, {@code 1} and {@code "1000m"} (quantities) are the same value.
 */
final class Scalars {
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");

  private Scalars() {}

  static boolean equivalent(Object a, Object b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
      return a != null && b != null && a.toString().equals(b.toString());
    }
    String left = a.toString();
    String right = b.toString();
    if (left.equals(right)) {
      return true;
    }
    if (!QUANTITY.matcher(left).matches() || !QUANTITY.matcher(right).matches()) {
      return false;
    }
    BigDecimal x = amount(left);
    BigDecimal y = amount(right);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  private static BigDecimal amount(String quantity) {
    try {
      return Quantity.getAmountInBytes(new Quantity(quantity));
    } catch (RuntimeException e) {
      return null; // not a quantity after all: only textual equality counts
    }
  }
}

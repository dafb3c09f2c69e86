package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.core.CoreExtension;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.OperatorUtils;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ~} and {@code +} with a size check before they build their result: without it
 * {@code {% set s = s ~ s %}} in a loop doubles a string until the JVM runs out of memory, long
 * before any output is written. Precedence and associativity are copied from Pebble's own.
 */
final class BoundedOperators {
  private BoundedOperators() {}

  static List<BinaryOperator> all() {
    return List.of(replace("~", Concat::new), replace("+", Add::new));
  }

  private static BinaryOperator replace(String symbol, Supplier<? extends BinaryExpression<?>> factory) {
    for (BinaryOperator op : new CoreExtension().getBinaryOperators()) {
      if (op.getSymbol().equals(symbol)) {
        return new BinaryOperatorImpl(symbol, op.getPrecedence(), factory, op.getType(), op.getAssociativity());
      }
    }
    throw new IllegalStateException("Pebble has no operator " + symbol);
  }

  private static long size(Object o) {
    return o instanceof Collection<?> c ? c.size() : o == null ? 0 : o instanceof CharSequence cs ? cs.length() : 0;
  }

  private abstract static class Bounded extends BinaryExpression<Object> {
    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      Object left = getLeftExpression().evaluate(self, context);
      Object right = getRightExpression().evaluate(self, context);
      long size = size(left) + size(right);
      if (size > 0) {
        RenderBudget budget = RenderScope.of(context).budget();
        budget.checkTime(self.getName(), getLineNumber());
        budget.checkSize(size, self.getName(), getLineNumber());
      }
      return combine(left, right);
    }

    abstract Object combine(Object left, Object right);
  }

  private static final class Concat extends Bounded {
    @Override
    Object combine(Object left, Object right) {
      return (left == null ? "" : left.toString()) + (right == null ? "" : right.toString());
    }
  }

  private static final class Add extends Bounded {
    @Override
    Object combine(Object left, Object right) {
      return OperatorUtils.add(left, right);
    }
  }
}

package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.core.CoreExtension;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperatorImpl;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.List;
import java.util.function.Supplier;

/** {@code and}, {@code or} and {@code not} with {@link Truth Go template truth}, short-circuiting. */
final class TruthyOperators {
  private TruthyOperators() {}

  static List<BinaryOperator> binary() {
    return List.of(binary("and", And::new), binary("or", Or::new));
  }

  static List<UnaryOperator> unary() {
    for (UnaryOperator op : new CoreExtension().getUnaryOperators()) {
      if (op.getSymbol().equals("not")) {
        return List.of(new UnaryOperatorImpl("not", op.getPrecedence(), Not.class));
      }
    }
    throw new IllegalStateException("Pebble has no operator not");
  }

  private static BinaryOperator binary(String symbol, Supplier<? extends BinaryExpression<?>> factory) {
    for (BinaryOperator op : new CoreExtension().getBinaryOperators()) {
      if (op.getSymbol().equals(symbol)) {
        return new BinaryOperatorImpl(symbol, op.getPrecedence(), factory, op.getType(), op.getAssociativity());
      }
    }
    throw new IllegalStateException("Pebble has no operator " + symbol);
  }

  private static final class And extends BinaryExpression<Object> {
    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return Truth.of(getLeftExpression().evaluate(self, context)) && Truth.of(getRightExpression().evaluate(self, context));
    }
  }

  private static final class Or extends BinaryExpression<Object> {
    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return Truth.of(getLeftExpression().evaluate(self, context)) || Truth.of(getRightExpression().evaluate(self, context));
    }
  }

  /** Public with a public constructor: Pebble creates unary expressions reflectively. */
  public static final class Not extends UnaryExpression {
    public Not() {}

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return !Truth.of(getChildExpression().evaluate(self, context));
    }
  }
}

package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.IfTokenParser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import io.pebbletemplates.pebble.utils.Pair;
import java.io.IOException;
import java.io.Writer;

/**
 * The {@code if}/{@code elseif}/{@code else} tag with {@link Truth Go template truth}. Parsing is
 * Pebble's own; only the test of each condition differs.
 */
final class TruthyIf implements TokenParser {
  private final IfTokenParser pebble = new IfTokenParser();

  @Override
  public String getTag() {
    return pebble.getTag();
  }

  @Override
  public RenderableNode parse(Token token, Parser parser) {
    return new Node((IfNode) pebble.parse(token, parser));
  }

  private static final class Node extends AbstractRenderableNode {
    private final IfNode parsed;

    Node(IfNode parsed) {
      super(parsed.getLineNumber());
      this.parsed = parsed;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
      for (Pair<Expression<?>, BodyNode> branch : parsed.getConditionsWithBodies()) {
        if (Truth.of(branch.getLeft().evaluate(self, context))) {
          branch.getRight().render(self, writer, context);
          return;
        }
      }
      if (parsed.getElseBody() != null) {
        parsed.getElseBody().render(self, writer, context);
      }
    }

    /** Visitors (macro registration, escaping) see Pebble's node with the same children. */
    @Override
    public void accept(NodeVisitor visitor) {
      parsed.accept(visitor);
    }
  }
}

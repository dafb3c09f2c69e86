package dev.capstan.chart.gotemplate;

/**
 * The parse tree of a template, node for node as Go's {@code text/template/parse} builds it.
 * {@code pos} is the node's char offset in the source text; {@link #toString()} prints the node as
 * Go does in error messages ({@code <.Values.x.y>}).
 */
sealed interface Node {
  int pos();

  enum Kind {
    IF,
    RANGE,
    WITH
  }

  record ListNode(int pos, Node[] nodes) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (Node n : nodes) {
        b.append(n);
      }
      return b.toString();
    }
  }

  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record CommentNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return "{{" + text + "}}";
    }
  }

  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  record PipeNode(int pos, int line, boolean isAssign, VariableNode[] decl, CommandNode[] cmds)
      implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (decl.length > 0) {
        for (int i = 0; i < decl.length; i++) {
          if (i > 0) {
            b.append(", ");
          }
          b.append(decl[i]);
        }
        b.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.length; i++) {
        if (i > 0) {
          b.append(" | ");
        }
        b.append(cmds[i]);
      }
      return b.toString();
    }
  }

  record CommandNode(int pos, Node[] args) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < args.length; i++) {
        if (i > 0) {
          b.append(' ');
        }
        if (args[i] instanceof PipeNode) {
          b.append('(').append(args[i]).append(')');
        } else {
          b.append(args[i]);
        }
      }
      return b.toString();
    }
  }

  /** A function name; {@code fn} is what the name resolved to at parse time. */
  record IdentifierNode(int pos, String name, Object fn) implements Node {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code $x} or {@code $x.a.b}: {@code ident[0]} is the variable, the rest are fields. */
  record VariableNode(int pos, String[] ident) implements Node {
    @Override
    public String toString() {
      return String.join(".", ident);
    }
  }

  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  record FieldNode(int pos, String[] ident) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (String id : ident) {
        b.append('.').append(id);
      }
      return b.toString();
    }
  }

  /** A term followed by fields: {@code (pipe).a.b}. */
  record ChainNode(int pos, Node node, String[] field) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (node instanceof PipeNode) {
        b.append('(').append(node).append(')');
      } else {
        b.append(node);
      }
      for (String f : field) {
        b.append('.').append(f);
      }
      return b.toString();
    }
  }

  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return value ? "true" : "false";
    }
  }

  /**
   * A number constant with every interpretation Go allows: as int (a Go int, 64-bit), as unsigned,
   * as float. {@code text} is the constant as written.
   */
  record NumberNode(
      int pos,
      String text,
      boolean isInt,
      long int64,
      boolean isUint,
      boolean isFloat,
      double float64,
      GoComplex complex)
      implements Node {
    NumberNode(int pos, String text, boolean isInt, long int64, boolean isUint, boolean isFloat,
        double float64) {
      this(pos, text, isInt, int64, isUint, isFloat, float64, null);
    }

    boolean isComplex() {
      return complex != null;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** {@code if}, {@code range} and {@code with}. */
  record BranchNode(
      Kind kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    @Override
    public String toString() {
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      StringBuilder b = new StringBuilder("{{").append(name).append(' ').append(pipe).append("}}");
      b.append(list);
      if (elseList != null) {
        b.append("{{else}}").append(elseList);
      }
      return b.append("{{end}}").toString();
    }
  }

  record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{template " + GoQuote.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
    }
  }

  record BreakNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  record ContinueNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  /** {@code {{end}}}: only seen by the parser. */
  record EndNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  /** {@code {{else}}}: only seen by the parser. */
  record ElseNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }
}

package dev.capstan.chart.gotemplate;

import dev.capstan.chart.gotemplate.Node.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Go's template parser: one instance per tree (the file, each {@code define} and {@code block}
 * body), sharing one lexer and one tree set, as in Go, so the tokens it has read ahead and hence
 * the line in its error messages are the same as Go's.
 */
final class Parser {
  /** Nested parentheses allowed (Go 1.24+ allows 10000; the parser recurses on the Java stack). */
  private static final int MAX_STACK_DEPTH = 100;

  private final String parseName;
  private final String text;
  private final Lexer lex;
  private final Map<String, Tree> treeSet;
  private final Function<String, Object> funcs;
  private String name;
  private final TokenStream tokens;
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int actionLine;
  private int rangeDepth;
  private int stackDepth;
  private ListNode root;

  private Parser(
      String name, String parseName, String text, Lexer lex, Map<String, Tree> treeSet,
      Function<String, Object> funcs) {
    this.name = name;
    this.parseName = parseName;
    this.text = text;
    this.lex = lex;
    this.tokens = new TokenStream(lex);
    this.treeSet = treeSet;
    this.funcs = funcs;
  }

  /**
   * Parses {@code text} as template {@code name}; returns every tree it defines, the top-level
   * one under {@code name}, as Go's {@code parse.Parse} does.
   */
  static Map<String, Tree> parse(String name, String text, Function<String, Object> funcs) {
    Lexer lex = new Lexer(text, funcs.apply("break") == null, funcs.apply("continue") == null);
    Map<String, Tree> treeSet = new LinkedHashMap<>();
    Parser p = new Parser(name, name, text, lex, treeSet, funcs);
    p.parseTop();
    p.add();
    return treeSet;
  }

  private Parser child(String childName) {
    return new Parser(childName, parseName, text, lex, treeSet, funcs);
  }

  // ---- errors ----

  private GoTemplateParseException errorf(String message) {
    int line = tokens.lastLine();
    throw new GoTemplateParseException(
        name, "template: " + parseName + ":" + line + ": " + message);
  }

  private GoTemplateParseException unexpected(Item token, String context) {
    if (token.typ() == ItemType.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (token.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      throw errorf(token + extra);
    }
    throw errorf("unexpected " + token + " in " + context);
  }

  private Item expect(ItemType expected, String context) {
    Item t = tokens.nextNonSpace();
    if (t.typ() != expected) {
      throw unexpected(t, context);
    }
    return t;
  }

  private Item expectOneOf(ItemType e1, ItemType e2, String context) {
    Item t = tokens.nextNonSpace();
    if (t.typ() != e1 && t.typ() != e2) {
      throw unexpected(t, context);
    }
    return t;
  }

  // ---- the grammar ----

  private void add() {
    Tree tree = treeSet.get(name);
    if (tree == null || tree.isEmpty()) {
      treeSet.put(name, new Tree(name, parseName, text, root));
      return;
    }
    if (!Tree.isEmpty(root)) {
      throw errorf("template: multiple definition of template " + GoQuote.quote(name));
    }
  }

  private void parseTop() {
    List<Node> nodes = new ArrayList<>();
    int rootPos = tokens.peek().pos();
    while (tokens.peek().typ() != ItemType.EOF) {
      if (tokens.peek().typ() == ItemType.LEFT_DELIM) {
        Item delim = tokens.next();
        if (tokens.nextNonSpace().typ() == ItemType.DEFINE) {
          Parser def = child("definition");
          def.parseDefinition();
          continue;
        }
        tokens.backup2(delim);
      }
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw errorf("unexpected " + n);
      }
      nodes.add(n);
    }
    root = new ListNode(rootPos, nodes.toArray(new Node[0]));
  }

  private void parseDefinition() {
    String context = "define clause";
    Item nameItem = expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
    name = unquote(nameItem.val());
    expect(ItemType.RIGHT_DELIM, context);
    Node[] end = new Node[1];
    root = itemList(end);
    if (!(end[0] instanceof EndNode)) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    add();
  }

  private ListNode itemList(Node[] next) {
    int listPos = tokens.peekNonSpace().pos();
    List<Node> nodes = new ArrayList<>();
    while (tokens.peekNonSpace().typ() != ItemType.EOF) {
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        next[0] = n;
        return new ListNode(listPos, nodes.toArray(new Node[0]));
      }
      nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Item token = tokens.nextNonSpace();
    switch (token.typ()) {
      case TEXT:
        return new TextNode(token.pos(), token.val());
      case LEFT_DELIM:
        actionLine = token.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      case COMMENT:
        return new CommentNode(token.pos(), token.val());
      default:
        throw unexpected(token, "input");
    }
  }

  private Node action() {
    Item token = tokens.nextNonSpace();
    switch (token.typ()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return breakControl(token, "{{break}}");
      case CONTINUE:
        return breakControl(token, "{{continue}}");
      case ELSE:
        return elseControl();
      case END:
        return new EndNode(expect(ItemType.RIGHT_DELIM, "end").pos());
      case IF:
        return parseControl(Kind.IF);
      case RANGE:
        return parseControl(Kind.RANGE);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return parseControl(Kind.WITH);
      default:
        break;
    }
    tokens.backup();
    Item t = tokens.peek();
    return new ActionNode(t.pos(), t.line(), pipeline("command", ItemType.RIGHT_DELIM));
  }

  private Node breakControl(Item keyword, String context) {
    Item t = tokens.nextNonSpace();
    if (t.typ() != ItemType.RIGHT_DELIM) {
      throw unexpected(t, context);
    }
    if (rangeDepth == 0) {
      throw errorf(context + " outside {{range}}");
    }
    return keyword.typ() == ItemType.BREAK
        ? new BreakNode(keyword.pos(), keyword.line())
        : new ContinueNode(keyword.pos(), keyword.line());
  }

  private Node elseControl() {
    Item p = tokens.peekNonSpace();
    if (p.typ() == ItemType.IF || p.typ() == ItemType.WITH) {
      return new ElseNode(p.pos(), p.line());
    }
    Item t = expect(ItemType.RIGHT_DELIM, "else");
    return new ElseNode(t.pos(), t.line());
  }

  private PipeNode pipeline(String context, ItemType end) {
    Item first = tokens.peekNonSpace();
    List<VariableNode> decl = new ArrayList<>();
    boolean isAssign = false;
    List<CommandNode> cmds = new ArrayList<>();
    decls:
    while (true) {
      Item v = tokens.peekNonSpace();
      if (v.typ() == ItemType.VARIABLE) {
        tokens.next();
        Item afterVariable = tokens.peek();
        Item nxt = tokens.peekNonSpace();
        if (nxt.typ() == ItemType.ASSIGN || nxt.typ() == ItemType.DECLARE) {
          isAssign = nxt.typ() == ItemType.ASSIGN;
          tokens.nextNonSpace();
          decl.add(new VariableNode(v.pos(), new String[] {v.val()}));
          vars.add(v.val());
        } else if (nxt.typ() == ItemType.CHAR && nxt.val().equals(",")) {
          tokens.nextNonSpace();
          decl.add(new VariableNode(v.pos(), new String[] {v.val()}));
          vars.add(v.val());
          if (context.equals("range") && decl.size() < 2) {
            ItemType t = tokens.peekNonSpace().typ();
            if (t == ItemType.VARIABLE || t == ItemType.RIGHT_DELIM || t == ItemType.RIGHT_PAREN) {
              continue decls;
            }
            throw errorf("range can only initialize variables");
          }
          throw errorf("too many declarations in " + context);
        } else if (afterVariable.typ() == ItemType.SPACE) {
          tokens.backup3(v, afterVariable);
        } else {
          tokens.backup2(v);
        }
      }
      break;
    }
    while (true) {
      Item token = tokens.nextNonSpace();
      if (token.typ() == end) {
        PipeNode pipe = new PipeNode(first.pos(), first.line(), isAssign,
            decl.toArray(new VariableNode[0]), cmds.toArray(new CommandNode[0]));
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.typ()) {
        case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING,
            STRING, VARIABLE, LEFT_PAREN -> {
          tokens.backup();
          cmds.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds().length == 0) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds().length; i++) {
      Node first = pipe.cmds()[i].args()[0];
      if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
          || first instanceof NumberNode || first instanceof StringNode) {
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private BranchNode parseControl(Kind kind) {
    String context = kind.name().toLowerCase(java.util.Locale.ROOT);
    int mark = vars.size();
    try {
      PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
      if (kind == Kind.RANGE) {
        rangeDepth++;
      }
      Node[] next = new Node[1];
      ListNode list = itemList(next);
      if (kind == Kind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (next[0] instanceof ElseNode) {
        if (kind == Kind.IF && tokens.peek().typ() == ItemType.IF) {
          tokens.next();
          elseList = new ListNode(next[0].pos(), new Node[] {parseControl(Kind.IF)});
        } else if (kind == Kind.WITH && tokens.peek().typ() == ItemType.WITH) {
          tokens.next();
          elseList = new ListNode(next[0].pos(), new Node[] {parseControl(Kind.WITH)});
        } else {
          elseList = itemList(next);
          if (!(next[0] instanceof EndNode)) {
            throw errorf("expected end; found " + next[0]);
          }
        }
      }
      return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, list, elseList);
    } finally {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private Node blockControl() {
    String context = "block clause";
    Item token = tokens.nextNonSpace();
    String blockName = parseTemplateName(token, context);
    PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
    Parser block = child(blockName);
    Node[] end = new Node[1];
    block.root = block.itemList(end);
    if (!(end[0] instanceof EndNode)) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    block.add();
    return new TemplateNode(token.pos(), token.line(), blockName, pipe);
  }

  private Node templateControl() {
    String context = "template clause";
    Item token = tokens.nextNonSpace();
    String templateName = parseTemplateName(token, context);
    PipeNode pipe = null;
    if (tokens.nextNonSpace().typ() != ItemType.RIGHT_DELIM) {
      tokens.backup();
      pipe = pipeline(context, ItemType.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos(), token.line(), templateName, pipe);
  }

  private String parseTemplateName(Item token, String context) {
    if (token.typ() == ItemType.STRING || token.typ() == ItemType.RAW_STRING) {
      return unquote(token.val());
    }
    throw unexpected(token, context);
  }

  private CommandNode command() {
    int cmdPos = tokens.peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      tokens.peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Item token = tokens.next();
      switch (token.typ()) {
        case SPACE:
          continue;
        case RIGHT_DELIM, RIGHT_PAREN:
          tokens.backup();
          break;
        case PIPE:
          break;
        default:
          throw unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw errorf("empty command");
    }
    return new CommandNode(cmdPos, args.toArray(new Node[0]));
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (tokens.peek().typ() == ItemType.FIELD) {
      int chainPos = tokens.peek().pos();
      List<String> fields = new ArrayList<>();
      while (tokens.peek().typ() == ItemType.FIELD) {
        fields.add(tokens.next().val().substring(1));
      }
      ChainNode chain = new ChainNode(chainPos, node, fields.toArray(new String[0]));
      if (node instanceof FieldNode f) {
        return new FieldNode(chainPos, concat(f.ident(), chain.field()));
      }
      if (node instanceof VariableNode v) {
        return new VariableNode(chainPos, concat(v.ident(), chain.field()));
      }
      if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
          || node instanceof NilNode || node instanceof DotNode) {
        throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
      }
      return chain;
    }
    return node;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private Node term() {
    Item token = tokens.nextNonSpace();
    switch (token.typ()) {
      case IDENTIFIER: {
        Object fn = funcs.apply(token.val());
        if (fn == null) {
          throw errorf("function " + GoQuote.quote(token.val()) + " not defined");
        }
        return new IdentifierNode(token.pos(), token.val(), fn);
      }
      case DOT:
        return new DotNode(token.pos());
      case NIL:
        return new NilNode(token.pos());
      case VARIABLE:
        return useVar(token.pos(), token.val());
      case FIELD:
        return new FieldNode(token.pos(), token.val().substring(1).split("\\.", -1));
      case BOOL:
        return new BoolNode(token.pos(), token.val().equals("true"));
      case CHAR_CONSTANT, COMPLEX, NUMBER:
        return number(token);
      case LEFT_PAREN: {
        if (stackDepth >= MAX_STACK_DEPTH) {
          throw errorf("max expression depth exceeded");
        }
        stackDepth++;
        try {
          return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
        } finally {
          stackDepth--;
        }
      }
      case STRING, RAW_STRING:
        return new StringNode(token.pos(), token.val(), unquote(token.val()));
      default:
        tokens.backup();
        return null;
    }
  }

  private Node useVar(int pos, String varName) {
    String[] ident = varName.split("\\.", -1);
    if (varName.equals("$")) {
      ident = new String[] {"$"};
    }
    if (!vars.contains(ident[0])) {
      throw errorf("undefined variable " + GoQuote.quote(ident[0]));
    }
    return new VariableNode(pos, ident);
  }

  private String unquote(String quoted) {
    try {
      return GoStrconv.unquote(quoted);
    } catch (GoStrconv.SyntaxError e) {
      throw errorf(e.getMessage());
    }
  }

  private NumberNode number(Item token) {
    try {
      return Numbers.parse(token);
    } catch (GoStrconv.SyntaxError e) {
      throw errorf(e.getMessage());
    }
  }

  static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}

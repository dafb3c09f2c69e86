package dev.capstan.chart.gotemplate;

import dev.capstan.chart.gotemplate.Node.*;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One execution of a template: Go's {@code exec.go} state (the template being run, the node
 * being evaluated for error messages, the variable stack) and its walk over the tree.
 *
 * <p>Go distinguishes "no value" (an invalid reflect.Value, e.g. a missing key in the default
 * mode) from a nil held in an {@code interface{}} slot (a map entry or list element that is nil,
 * or a missing key under {@code missingkey=zero}): {@code .a.b} is quietly no value through the
 * first and a {@code nil pointer evaluating interface {}.b} error through the second. Both are
 * {@code null} here, so the executor carries a flag beside values that came from such a slot
 * ({@link #lastIface}, the dot's flag, each variable's flag).
 */
final class Exec {
  private static final Object MISSING = new Object();
  /** The argument list of a field used as an argument: only its length (one, no arguments) is read. */
  private static final Node[] ONE_ARG = new Node[1];
  private static final int NORMAL = 0;
  private static final int BREAK = 1;
  private static final int CONTINUE = 2;
  /** Template calls nested deeper than this fail (Go allows 100000; the Java stack does not). */
  static final int MAX_EXEC_DEPTH = 1000;

  private final GoTemplateSet set;
  private final GoBudget budget;
  private final MissingKey missingKey;
  private final Map<String, GoFunc> overrides;
  private final StringBuilder out;
  private Tree tmpl;
  private Node node;
  private String[] varNames = new String[16];
  private Object[] varValues = new Object[16];
  private boolean[] varIface = new boolean[16];
  private int nvars;
  private int frame;
  private int depth;
  /** Whether the value an evaluation just returned came from an interface{} slot. */
  private boolean lastIface;

  Exec(GoTemplateSet set, ExecOptions options, StringBuilder out) {
    this.set = set;
    this.budget = options.budget();
    this.missingKey = options.missingKey();
    this.overrides = options.funcs().isEmpty() ? null : options.funcs();
    this.out = out;
  }

  void run(Tree t, Object data) {
    tmpl = t;
    push("$", data, false);
    try {
      walk(data, false, t.root());
    } catch (StackOverflowError e) {
      throw errorf("template calls or expressions nested too deeply to execute");
    }
  }

  // ---- errors and limits ----

  private GoTemplateException errorf(String message) {
    String name = tmpl.name();
    String text = node == null
        ? "template: " + name + ": " + message
        : "template: " + tmpl.location(node) + ": executing " + GoQuote.quote(name) + " at <"
            + node + ">: " + message;
    throw new GoTemplateException(name, text);
  }

  private void at(Node n) {
    node = n;
  }

  private void step() {
    try {
      budget.step();
    } catch (GoLimitException e) {
      throw errorf(e.getMessage());
    }
  }

  private void write(String s) {
    try {
      budget.output(s.length());
    } catch (GoLimitException e) {
      throw errorf(e.getMessage());
    }
    out.append(s);
  }

  // ---- variables ----

  private void push(String name, Object value, boolean iface) {
    if (nvars == varNames.length) {
      int n = nvars * 2;
      varNames = Arrays.copyOf(varNames, n);
      varValues = Arrays.copyOf(varValues, n);
      varIface = Arrays.copyOf(varIface, n);
    }
    varNames[nvars] = name;
    varValues[nvars] = value;
    varIface[nvars] = iface;
    nvars++;
  }

  private void pop(int mark) {
    for (int i = mark; i < nvars; i++) {
      varValues[i] = null;
    }
    nvars = mark;
  }

  private int findVar(String name) {
    for (int i = nvars - 1; i >= frame; i--) {
      if (varNames[i].equals(name)) {
        return i;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  private void setVar(String name, Object value, boolean iface) {
    int i = findVar(name);
    varValues[i] = value;
    varIface[i] = iface;
  }

  private void setTopVar(int n, Object value, boolean iface) {
    varValues[nvars - n] = value;
    varIface[nvars - n] = iface;
  }

  // ---- the walk ----

  private int walk(Object dot, boolean dotIface, Node n) {
    at(n);
    if (n instanceof TextNode t) {
      write(t.text());
      return NORMAL;
    }
    if (n instanceof ActionNode a) {
      Object val = evalPipeline(dot, dotIface, a.pipe());
      if (a.pipe().decl().length == 0) {
        printValue(a, val);
      }
      return NORMAL;
    }
    if (n instanceof ListNode l) {
      for (Node c : l.nodes()) {
        int code = walk(dot, dotIface, c);
        if (code != NORMAL) {
          return code;
        }
      }
      return NORMAL;
    }
    if (n instanceof BranchNode b) {
      return b.kind() == Kind.RANGE ? walkRange(dot, dotIface, b) : walkIfOrWith(dot, dotIface, b);
    }
    if (n instanceof TemplateNode t) {
      walkTemplate(dot, dotIface, t);
      return NORMAL;
    }
    if (n instanceof BreakNode) {
      return BREAK;
    }
    if (n instanceof ContinueNode) {
      return CONTINUE;
    }
    if (n instanceof CommentNode) {
      return NORMAL;
    }
    throw errorf("unknown node: " + n);
  }

  private int walkIfOrWith(Object dot, boolean dotIface, BranchNode b) {
    int mark = nvars;
    try {
      Object val = evalPipeline(dot, dotIface, b.pipe());
      if (GoValues.isTrue(val)) {
        return b.kind() == Kind.WITH ? walk(val, false, b.list()) : walk(dot, dotIface, b.list());
      }
      if (b.elseList() != null) {
        return walk(dot, dotIface, b.elseList());
      }
      return NORMAL;
    } finally {
      pop(mark);
    }
  }

  private int walkRange(Object dot, boolean dotIface, BranchNode r) {
    at(r);
    int outer = nvars;
    try {
      Object val = evalPipeline(dot, dotIface, r.pipe());
      int mark = nvars;
      boolean ran = false;
      // Go 1.23 (Helm 3.17's Go) cannot range over an integer: that is the error below.
      if (val instanceof List<?> l) {
        int n = l.size();
        for (int i = 0; i < n; i++) {
          ran = true;
          if (iteration(r, i, l.get(i), true, mark) == BREAK) {
            break;
          }
        }
      } else if (val instanceof Map<?, ?> m) {
        for (String k : GoValues.sortedKeys(m)) {
          ran = true;
          if (iteration(r, k, m.get(k), true, mark) == BREAK) {
            break;
          }
        }
      } else if (val instanceof byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          ran = true;
          if (iteration(r, i, bytes[i] & 0xff, false, mark) == BREAK) {
            break;
          }
        }
      } else if (val != null) {
        throw errorf("range can't iterate over " + GoFmt.sprint(val));
      }
      if (!ran && r.elseList() != null) {
        // Go recovers a break raised in the else list here; a continue goes on to an outer range.
        int code = walk(dot, dotIface, r.elseList());
        return code == BREAK ? NORMAL : code;
      }
      return NORMAL;
    } finally {
      pop(outer);
    }
  }

  private int iteration(BranchNode r, Object index, Object elem, boolean elemIface, int mark) {
    step();
    VariableNode[] decl = r.pipe().decl();
    if (decl.length > 0) {
      if (r.pipe().isAssign()) {
        if (decl.length > 1) {
          setVar(decl[0].ident()[0], index, false);
        } else {
          setVar(decl[0].ident()[0], elem, elemIface);
        }
      } else {
        setTopVar(1, elem, elemIface);
      }
    }
    if (decl.length > 1) {
      if (r.pipe().isAssign()) {
        setVar(decl[1].ident()[0], elem, elemIface);
      } else {
        setTopVar(2, index, false);
      }
    }
    int code = walk(elem, elemIface, r.list());
    pop(mark);
    return code == BREAK ? BREAK : NORMAL;
  }

  private void walkTemplate(Object dot, boolean dotIface, TemplateNode t) {
    at(t);
    Tree callee = set.lookup(t.name());
    if (callee == null) {
      throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
    }
    if (depth == MAX_EXEC_DEPTH) {
      throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
    }
    step();
    try {
      budget.enter();
    } catch (GoLimitException e) {
      throw errorf(e.getMessage());
    }
    Object newDot;
    try {
      newDot = evalPipeline(dot, dotIface, t.pipe());
    } catch (RuntimeException e) {
      budget.exit();
      throw e;
    }
    Tree savedTmpl = tmpl;
    int savedFrame = frame;
    int savedVars = nvars;
    tmpl = callee;
    frame = nvars;
    depth++;
    try {
      push("$", newDot, false);
      walk(newDot, false, callee.root());
    } finally {
      depth--;
      budget.exit();
      pop(savedVars);
      frame = savedFrame;
      tmpl = savedTmpl;
    }
  }

  private void printValue(Node n, Object v) {
    at(n);
    if (v == null) {
      write("<no value>");
    } else if (v instanceof GoFunc) {
      throw errorf("can't print " + n + " of type " + GoValues.typeName(v));
    } else if (v instanceof String s) {
      write(s);
    } else {
      write(GoFmt.sprint(v));
    }
  }

  // ---- evaluation ----

  private Object evalPipeline(Object dot, boolean dotIface, PipeNode pipe) {
    if (pipe == null) {
      lastIface = false;
      return null;
    }
    at(pipe);
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, dotIface, cmd, value);
    }
    for (VariableNode v : pipe.decl()) {
      if (pipe.isAssign()) {
        setVar(v.ident()[0], value, false);
      } else {
        push(v.ident()[0], value, false);
      }
    }
    lastIface = false;
    return value;
  }

  private void notAFunction(Node[] args, Object fin) {
    if (args.length > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args[0]);
    }
  }

  private Object evalCommand(Object dot, boolean dotIface, CommandNode cmd, Object fin) {
    Node first = cmd.args()[0];
    if (first instanceof FieldNode f) {
      at(f);
      return evalFieldChain(dot, dotIface, dot, dotIface, f, f.ident(), 0, cmd.args(), fin);
    }
    if (first instanceof ChainNode c) {
      return evalChainNode(dot, dotIface, c, cmd.args(), fin);
    }
    if (first instanceof IdentifierNode id) {
      return evalFunction(dot, dotIface, id, cmd, cmd.args(), fin);
    }
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, dotIface, p);
    }
    if (first instanceof VariableNode v) {
      return evalVariableNode(dot, dotIface, v, cmd.args(), fin);
    }
    at(first);
    notAFunction(cmd.args(), fin);
    if (first instanceof BoolNode b) {
      return b.value();
    }
    if (first instanceof DotNode) {
      return dot;
    }
    if (first instanceof NilNode) {
      throw errorf("nil is not a command");
    }
    if (first instanceof NumberNode num) {
      return idealConstant(num);
    }
    if (first instanceof StringNode s) {
      return s.text();
    }
    throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
  }

  private Object idealConstant(NumberNode c) {
    at(c);
    String text = c.text();
    boolean hexInt = text.length() > 2 && text.charAt(0) == '0'
        && (text.charAt(1) == 'x' || text.charAt(1) == 'X') && !Parser.containsAny(text, "pP");
    boolean runeInt = !text.isEmpty() && text.charAt(0) == '\'';
    if (c.isFloat() && !hexInt && !runeInt && Parser.containsAny(text, ".eEpP")) {
      return c.float64();
    }
    if (c.isInt()) {
      long v = c.int64();
      // A Go int is 64 bits; one that does not fit a Java int stays a Long (it prints the same).
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    if (c.isUint()) {
      throw errorf(text + " overflows int");
    }
    return null;
  }

  private Object evalChainNode(
      Object dot, boolean dotIface, ChainNode chain, Node[] args, Object fin) {
    at(chain);
    if (chain.node() instanceof NilNode) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    Object pipe;
    Node inner = chain.node();
    at(inner);
    if (inner instanceof PipeNode p) {
      pipe = evalPipeline(dot, dotIface, p);
    } else if (inner instanceof IdentifierNode id) {
      pipe = evalFunction(dot, dotIface, id, id, null, MISSING);
    } else {
      pipe = evalArg(dot, dotIface, GoType.ANY, inner);
    }
    return evalFieldChain(dot, dotIface, pipe, false, chain, chain.field(), 0, args, fin);
  }

  private Object evalVariableNode(
      Object dot, boolean dotIface, VariableNode v, Node[] args, Object fin) {
    at(v);
    int i = findVar(v.ident()[0]);
    Object value = varValues[i];
    boolean iface = varIface[i];
    if (v.ident().length == 1) {
      if (args != null) {
        notAFunction(args, fin);
      }
      lastIface = iface;
      return value;
    }
    return evalFieldChain(dot, dotIface, value, iface, v, v.ident(), 1, args, fin);
  }

  private Object evalFieldChain(Object dot, boolean dotIface, Object receiver, boolean recvIface,
      Node n, String[] ident, int from, Node[] args, Object fin) {
    int last = ident.length - 1;
    for (int i = from; i < last; i++) {
      receiver = evalField(dot, dotIface, ident[i], n, null, MISSING, receiver, recvIface);
      recvIface = lastIface;
    }
    return evalField(dot, dotIface, ident[last], n, args, fin, receiver, recvIface);
  }

  private Object evalField(Object dot, boolean dotIface, String name, Node n, Node[] args,
      Object fin, Object receiver, boolean recvIface) {
    if (receiver == null) {
      if (!recvIface) {
        if (missingKey == MissingKey.ERROR) {
          throw errorf("nil data; no entry for key " + GoQuote.quote(name));
        }
        lastIface = false;
        return null;
      }
      throw errorf("nil pointer evaluating interface {}." + name);
    }
    GoStruct struct = receiver instanceof GoStruct s ? s : null;
    if (struct != null) {
      GoFunc method = struct.method(name);
      if (method != null) {
        return evalCall(dot, dotIface, method, n, name, args, fin);
      }
    }
    boolean hasArgs = (args != null && args.length > 1) || fin != MISSING;
    if (struct != null && struct.has(name)) {
      if (hasArgs) {
        throw errorf(name + " has arguments but cannot be invoked as function");
      }
      lastIface = false;
      return struct.field(name);
    }
    if (receiver instanceof Map<?, ?> m) {
      if (hasArgs) {
        throw errorf(name + " is not a method but has arguments");
      }
      Object r = m.get(name);
      if (r != null || m.containsKey(name)) {
        lastIface = true;
        return r;
      }
      switch (missingKey) {
        case ZERO -> lastIface = true;
        case ERROR -> throw errorf("map has no entry for key " + GoQuote.quote(name));
        default -> lastIface = false;
      }
      return null;
    }
    String typ = recvIface ? "interface {}" : GoValues.typeName(receiver);
    throw errorf("can't evaluate field " + name + " in type " + typ);
  }

  private Object evalFunction(
      Object dot, boolean dotIface, IdentifierNode id, Node cmd, Node[] args, Object fin) {
    at(id);
    Object fn = id.fn();
    if (overrides != null) {
      GoFunc o = overrides.get(id.name());
      if (o != null) {
        fn = o;
      }
    }
    return evalCall(dot, dotIface, fn, cmd, id.name(), args, fin);
  }

  private Object evalCall(Object dot, boolean dotIface, Object fn, Node n, String name,
      Node[] args, Object fin) {
    return new Call(this, dot, dotIface, fn, n, name, args, fin).run();
  }

  // ---- the pieces Call needs ----

  boolean lastIface() {
    return lastIface;
  }

  void clearIface() {
    lastIface = false;
  }

  GoTemplateException fail(String message) {
    return errorf(message);
  }

  void moveTo(Node n) {
    at(n);
  }

  void checkStep() {
    step();
  }

  void checkSize(Object v, Node at) {
    long size;
    if (v instanceof String s) {
      size = s.length();
    } else if (v instanceof List<?> l) {
      size = l.size();
    } else if (v instanceof Map<?, ?> m) {
      size = m.size();
    } else if (v instanceof byte[] b) {
      size = b.length;
    } else {
      return;
    }
    try {
      budget.size(size);
    } catch (GoLimitException e) {
      at(at);
      throw errorf(e.getMessage());
    }
  }

  static boolean isMissing(Object v) {
    return v == MISSING;
  }

  Object evalArg(Object dot, boolean dotIface, GoType typ, Node n) {
    at(n);
    if (n instanceof DotNode) {
      return validateType(dot, dotIface, typ);
    }
    if (n instanceof NilNode) {
      if (canBeNil(typ)) {
        lastIface = false;
        return zero(typ);
      }
      throw errorf("cannot assign nil to " + typ.goName());
    }
    if (n instanceof FieldNode f) {
      Object v = evalFieldChain(dot, dotIface, dot, dotIface, f, f.ident(), 0, ONE_ARG, MISSING);
      return validateType(v, lastIface, typ);
    }
    if (n instanceof VariableNode v) {
      Object val = evalVariableNode(dot, dotIface, v, null, MISSING);
      return validateType(val, lastIface, typ);
    }
    if (n instanceof PipeNode p) {
      return validateType(evalPipeline(dot, dotIface, p), false, typ);
    }
    if (n instanceof IdentifierNode id) {
      return validateType(evalFunction(dot, dotIface, id, id, null, MISSING), false, typ);
    }
    if (n instanceof ChainNode c) {
      Object v = evalChainNode(dot, dotIface, c, null, MISSING);
      return validateType(v, lastIface, typ);
    }
    lastIface = false;
    switch (typ) {
      case BOOL:
        if (n instanceof BoolNode b) {
          return b.value();
        }
        throw errorf("expected bool; found " + n);
      case FLOAT64:
        if (n instanceof NumberNode num && num.isFloat()) {
          return num.float64();
        }
        throw errorf("expected float; found " + n);
      case INT, INT64:
        if (n instanceof NumberNode num && num.isInt()) {
          if (typ == GoType.INT64) {
            return num.int64();
          }
          if (num.int64() != (int) num.int64()) {
            throw errorf(num.text() + " overflows int");
          }
          return (int) num.int64();
        }
        throw errorf("expected integer; found " + n);
      case ANY:
        if (n instanceof BoolNode b) {
          return b.value();
        }
        if (n instanceof NumberNode num) {
          return idealConstant(num);
        }
        if (n instanceof StringNode s) {
          return s.text();
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
      case STRING:
        if (n instanceof StringNode s) {
          return s.text();
        }
        throw errorf("expected string; found " + n);
      default:
        throw errorf("can't handle " + n + " for arg of type " + typ.goName());
    }
  }

  private static boolean canBeNil(GoType t) {
    return switch (t) {
      case ANY, LIST, STRINGS, MAP, BYTES -> true;
      default -> false;
    };
  }

  private static Object zero(GoType t) {
    return switch (t) {
      case LIST, STRINGS -> Collections.emptyList();
      case MAP -> Collections.emptyMap();
      case BYTES -> new byte[0];
      default -> null;
    };
  }

  /** Go's {@code validateType}: is the value assignable to the parameter's type? */
  Object validateType(Object value, boolean iface, GoType typ) {
    if (value == null) {
      if (!iface) {
        if (canBeNil(typ)) {
          return zero(typ);
        }
        throw errorf("invalid value; expected " + typ.goName());
      }
      if (typ == GoType.ANY) {
        return null;
      }
      throw errorf("wrong type for value; expected " + typ.goName() + "; got interface {}");
    }
    boolean ok = switch (typ) {
      case ANY -> true;
      case STRING -> value instanceof String;
      case BOOL -> value instanceof Boolean;
      case INT -> value instanceof Integer;
      case INT64 -> value instanceof Long;
      case FLOAT64 -> value instanceof Double;
      case LIST -> value instanceof List;
      case STRINGS -> value instanceof List<?> l && allStrings(l);
      case MAP -> value instanceof Map;
      case BYTES -> value instanceof byte[];
    };
    if (!ok) {
      throw errorf("wrong type for value; expected " + typ.goName() + "; got "
          + GoValues.typeName(value));
    }
    return value;
  }

  private static boolean allStrings(List<?> l) {
    for (Object o : l) {
      if (!(o instanceof String)) {
        return false;
      }
    }
    return true;
  }
}

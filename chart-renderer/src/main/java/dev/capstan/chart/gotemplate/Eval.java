package dev.capstan.chart.gotemplate;

import dev.capstan.chart.gotemplate.Node.*;
import java.util.Map;

/**
 * The evaluation half of Go's {@code exec.go}: pipelines, commands, field chains, variables,
 * constants and arguments, for one {@link Exec}. It tracks {@link #lastIface}: whether the value
 * an evaluation just returned came from an interface{} slot (see {@link Exec}).
 */
final class Eval {
  static final Object MISSING = new Object();
  /** The argument list of a field used as an argument: only its length (one, no arguments) is read. */
  private static final Node[] ONE_ARG = new Node[1];

  private final Exec exec;
  /** Whether the value an evaluation just returned came from an interface{} slot. */
  private boolean lastIface;

  Eval(Exec exec) {
    this.exec = exec;
  }

  Object evalPipeline(Object dot, boolean dotIface, PipeNode pipe) {
    if (pipe == null) {
      lastIface = false;
      return null;
    }
    exec.at(pipe);
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, dotIface, cmd, value);
    }
    for (VariableNode v : pipe.decl()) {
      if (pipe.isAssign()) {
        exec.setVar(v.ident()[0], value, false);
      } else {
        exec.vars.push(v.ident()[0], value, false);
      }
    }
    lastIface = false;
    return value;
  }

  private void notAFunction(Node[] args, Object fin) {
    if (args.length > 1 || fin != MISSING) {
      throw exec.fail("can't give argument to non-function " + args[0]);
    }
  }

  private Object evalCommand(Object dot, boolean dotIface, CommandNode cmd, Object fin) {
    Node first = cmd.args()[0];
    if (first instanceof FieldNode f) {
      exec.at(f);
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
    exec.at(first);
    notAFunction(cmd.args(), fin);
    if (first instanceof BoolNode b) {
      return b.value();
    }
    if (first instanceof DotNode) {
      return dot;
    }
    if (first instanceof NilNode) {
      throw exec.fail("nil is not a command");
    }
    if (first instanceof NumberNode num) {
      return idealConstant(num);
    }
    if (first instanceof StringNode s) {
      return s.text();
    }
    throw exec.fail("can't evaluate command " + GoQuote.quote(first.toString()));
  }

  private Object idealConstant(NumberNode c) {
    exec.at(c);
    String text = c.text();
    boolean hexInt = text.length() > 2 && text.charAt(0) == '0'
        && (text.charAt(1) == 'x' || text.charAt(1) == 'X') && !Parser.containsAny(text, "pP");
    boolean runeInt = !text.isEmpty() && text.charAt(0) == '\'';
    if (c.isComplex()) {
      return c.complex();
    }
    if (c.isFloat() && !hexInt && !runeInt && Parser.containsAny(text, ".eEpP")) {
      return c.float64();
    }
    if (c.isInt()) {
      long v = c.int64();
      // A Go int is 64 bits; one that does not fit a Java int stays a Long (it prints the same).
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    if (c.isUint()) {
      throw exec.fail(text + " overflows int");
    }
    return null;
  }

  private Object evalChainNode(
      Object dot, boolean dotIface, ChainNode chain, Node[] args, Object fin) {
    exec.at(chain);
    if (chain.node() instanceof NilNode) {
      throw exec.fail("indirection through explicit nil in " + chain);
    }
    Object pipe;
    Node inner = chain.node();
    exec.at(inner);
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
    exec.at(v);
    int i = exec.findVar(v.ident()[0]);
    Object value = exec.vars.value(i);
    boolean iface = exec.vars.fromInterface(i);
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
        if (exec.missingKey == MissingKey.ERROR) {
          throw exec.fail("nil data; no entry for key " + GoQuote.quote(name));
        }
        lastIface = false;
        return null;
      }
      throw exec.fail("nil pointer evaluating interface {}." + name);
    }
    GoStruct struct = receiver instanceof GoStruct s ? s : null;
    GoFunc method = struct != null ? struct.method(name)
        : receiver instanceof GoNamed named ? named.method(name) : null;
    if (method != null) {
      return evalCall(dot, dotIface, method, n, name, args, fin);
    }
    boolean hasArgs = (args != null && args.length > 1) || fin != MISSING;
    if (struct != null && struct.has(name)) {
      if (hasArgs) {
        throw exec.fail(name + " has arguments but cannot be invoked as function");
      }
      lastIface = false;
      return struct.field(name);
    }
    if (receiver instanceof Map<?, ?> m) {
      if (hasArgs) {
        throw exec.fail(name + " is not a method but has arguments");
      }
      Object r = m.get(name);
      if (r != null || m.containsKey(name)) {
        lastIface = true;
        return r;
      }
      switch (exec.missingKey) {
        case ZERO -> lastIface = true;
        case ERROR -> throw exec.fail("map has no entry for key " + GoQuote.quote(name));
        default -> lastIface = false;
      }
      return null;
    }
    String typ = recvIface ? "interface {}" : GoValues.typeName(receiver);
    throw exec.fail("can't evaluate field " + name + " in type " + typ);
  }

  private Object evalFunction(
      Object dot, boolean dotIface, IdentifierNode id, Node cmd, Node[] args, Object fin) {
    exec.at(id);
    Object fn = id.fn();
    if (exec.overrides != null) {
      GoFunc o = exec.overrides.get(id.name());
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

  GoTemplateException fail(String message) {
    return exec.fail(message);
  }

  /** Where the executor is, as Go's error context writes it: {@code name:line:column}. */
  String location() {
    return exec.location();
  }

  void moveTo(Node n) {
    exec.at(n);
  }

  void checkStep() {
    exec.step();
  }

  void checkSize(Object v, Node at) {
    exec.checkSize(v, at);
  }

  boolean lastIface() {
    return lastIface;
  }

  void clearIface() {
    lastIface = false;
  }

  static boolean isMissing(Object v) {
    return v == MISSING;
  }

  Object evalArg(Object dot, boolean dotIface, GoType typ, Node n) {
    exec.at(n);
    if (n instanceof DotNode) {
      lastIface = dotIface;
      return validateType(dot, dotIface, typ);
    }
    if (n instanceof NilNode) {
      if (ArgTypes.canBeNil(typ)) {
        lastIface = false;
        return ArgTypes.zero(typ);
      }
      throw exec.fail("cannot assign nil to " + typ.goName());
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
        throw exec.fail("expected bool; found " + n);
      case FLOAT64:
        if (n instanceof NumberNode num && num.isFloat()) {
          return num.float64();
        }
        throw exec.fail("expected float; found " + n);
      case INT, INT64:
        if (n instanceof NumberNode num && num.isInt()) {
          if (typ == GoType.INT64) {
            return num.int64();
          }
          if (num.int64() != (int) num.int64()) {
            throw exec.fail(num.text() + " overflows int");
          }
          return (int) num.int64();
        }
        throw exec.fail("expected integer; found " + n);
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
        throw exec.fail("can't handle assignment of " + n + " to empty interface argument");
      case STRING:
        if (n instanceof StringNode s) {
          return s.text();
        }
        throw exec.fail("expected string; found " + n);
      default:
        throw exec.fail("can't handle " + n + " for arg of type " + typ.goName());
    }
  }

  /** Go's {@code validateType}: is the value assignable to the parameter's type? */
  Object validateType(Object value, boolean iface, GoType typ) {
    String error = ArgTypes.mismatch(value, iface, typ);
    if (error != null) {
      throw exec.fail(error);
    }
    return value == null ? ArgTypes.zero(typ) : value;
  }
}

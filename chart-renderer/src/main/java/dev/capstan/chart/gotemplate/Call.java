package dev.capstan.chart.gotemplate;

import java.util.Arrays;
import java.util.List;

/**
 * One function or method call as Go's {@code evalCall} makes it: the argument count against the
 * signature, each argument evaluated and checked against its parameter type (an untyped constant
 * converts), the piped value as the last argument, {@code and}/{@code or} short-circuiting, and
 * the function's error reported as {@code error calling NAME: MESSAGE} at the command.
 */
final class Call {
  private final Eval eval;
  private final Object dot;
  private final boolean dotIface;
  private final Object fn;
  private final Node node;
  private final String name;
  private final Node[] args;
  private final Object fin;

  Call(Eval eval, Object dot, boolean dotIface, Object fn, Node node, String name, Node[] args,
      Object fin) {
    this.eval = eval;
    this.dot = dot;
    this.dotIface = dotIface;
    this.fn = fn;
    this.node = node;
    this.name = name;
    this.args = args;
    this.fin = fin;
  }

  Object run() {
    GoFunc goFunc = fn instanceof GoFunc g ? g : null;
    Builtin builtin = fn instanceof Builtin b ? b : null;
    int nargs = args == null ? 0 : args.length - 1;
    boolean hasFinal = !Eval.isMissing(fin);
    int numIn = nargs + (hasFinal ? 1 : 0);
    int numFixed = goFunc != null ? goFunc.params().size() : builtin.fixed;
    boolean variadic = goFunc != null ? goFunc.isVariadic() : builtin.variadic;
    if (variadic) {
      if (numIn < numFixed) {
        throw eval.fail("wrong number of args for " + name + ": want at least " + numFixed
            + " got " + nargs);
      }
    } else if (numIn != numFixed) {
      throw eval.fail("wrong number of args for " + name + ": want " + numFixed + " got " + numIn);
    }
    if (builtin == Builtin.AND || builtin == Builtin.OR) {
      return andOr(builtin == Builtin.OR);
    }
    eval.checkStep();
    Object[] argv = new Object[numIn];
    // Which arguments came from an interface{} slot: only the built-ins look (len, slice).
    boolean[] ifaces = builtin != null ? new boolean[numIn] : null;
    int i = 0;
    for (; i < numFixed && i < nargs; i++) {
      argv[i] = eval.evalArg(dot, dotIface, param(goFunc, builtin, i), args[i + 1]);
      if (ifaces != null) {
        ifaces[i] = eval.lastIface();
      }
    }
    if (variadic) {
      GoType t = goFunc != null ? goFunc.variadic() : GoType.ANY;
      for (; i < nargs; i++) {
        argv[i] = eval.evalArg(dot, dotIface, t, args[i + 1]);
        if (ifaces != null) {
          ifaces[i] = eval.lastIface();
        }
      }
    }
    if (hasFinal) {
      GoType t;
      if (variadic) {
        t = numIn - 1 < numFixed ? param(goFunc, builtin, numIn - 1)
            : goFunc != null ? goFunc.variadic() : GoType.ANY;
      } else {
        t = param(goFunc, builtin, numFixed - 1);
      }
      argv[i] = eval.validateType(fin, false, t);
    }
    List<Object> argList = Arrays.asList(argv);
    Object result;
    try {
      if (builtin == Builtin.CALL) {
        result = call(argList);
      } else if (builtin != null) {
        result = builtin.apply(argList, ifaces);
      } else {
        result = goFunc.body().call(argList);
      }
    } catch (GoTemplateAbort e) {
      eval.moveTo(node);
      e.passedThrough(eval.location());
      throw e;
    } catch (GoFuncException | GoTemplateException e) {
      eval.moveTo(node);
      throw eval.fail("error calling " + name + ": " + e.getMessage());
    } catch (GoLimitException e) {
      eval.moveTo(node);
      throw eval.fail(e.getMessage());
    } catch (RuntimeException e) {
      // A Java failure inside a function is what a Go panic would be: the call's error.
      eval.moveTo(node);
      throw eval.fail("error calling " + name + ": " + e);
    }
    eval.checkSize(result, node);
    eval.clearIface();
    return result;
  }

  private static GoType param(GoFunc g, Builtin b, int i) {
    return g != null ? g.params().get(i) : b.param(i);
  }

  private Object andOr(boolean or) {
    Object v = null;
    for (int i = 1; i < args.length; i++) {
      v = eval.evalArg(dot, dotIface, GoType.ANY, args[i]);
      if (GoValues.isTrue(v) == or) {
        eval.clearIface();
        return v;
      }
    }
    if (!Eval.isMissing(fin)) {
      v = fin;
    }
    eval.clearIface();
    return v;
  }

  /** The {@code call} built-in: only a {@link GoFunc} value can be called. */
  private Object call(List<Object> argv) {
    String callee = args != null && args.length > 1 ? args[1].toString() : String.valueOf(fin);
    Object f = argv.get(0);
    if (f == null) {
      throw new GoFuncException("call of nil");
    }
    if (!(f instanceof GoFunc g)) {
      throw new GoFuncException(
          "non-function " + callee + " of type " + GoValues.typeName(f));
    }
    List<Object> rest = argv.subList(1, argv.size());
    int numIn = g.params().size();
    if (g.isVariadic()) {
      if (rest.size() < numIn) {
        throw new GoFuncException("wrong number of args for " + callee + ": got " + rest.size()
            + " want at least " + numIn);
      }
    } else if (rest.size() != numIn) {
      throw new GoFuncException(
          "wrong number of args for " + callee + ": got " + rest.size() + " want " + numIn);
    }
    Object[] out = new Object[rest.size()];
    for (int i = 0; i < rest.size(); i++) {
      GoType t = i < numIn ? g.params().get(i) : g.variadic();
      out[i] = prepareArg(rest.get(i), t, i);
    }
    return g.body().call(Arrays.asList(out));
  }

  private static Object prepareArg(Object v, GoType t, int i) {
    if (v == null) {
      return switch (t) {
        case ANY -> null;
        case LIST, STRINGS -> List.of();
        case MAP -> java.util.Map.of();
        case BYTES -> new byte[0];
        default -> throw new GoFuncException(
            "arg " + i + ": value is nil; should be of type " + t.goName());
      };
    }
    boolean ok = switch (t) {
      case ANY -> true;
      case STRING -> v instanceof String;
      case BOOL -> v instanceof Boolean;
      case INT -> v instanceof Integer;
      case INT64 -> v instanceof Long;
      case FLOAT64 -> v instanceof Double;
      case LIST, STRINGS -> v instanceof List;
      case MAP -> v instanceof java.util.Map;
      case BYTES -> v instanceof byte[];
    };
    if (ok) {
      return v;
    }
    if (t == GoType.INT && v instanceof Long l && l == l.intValue()) {
      return l.intValue();
    }
    if (t == GoType.INT64 && v instanceof Integer n) {
      return n.longValue();
    }
    throw new GoFuncException("arg " + i + ": value has type " + GoValues.typeName(v)
        + "; should be " + t.goName());
  }
}

package dev.capstan.chart.gotemplate;

import dev.capstan.chart.gotemplate.Node.*;
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
 * ({@link Eval}'s last result, the dot's flag, each variable's flag).
 */
final class Exec {
  private static final int NORMAL = 0;
  private static final int BREAK = 1;
  private static final int CONTINUE = 2;
  /** Template calls nested deeper than this fail (Go allows 100000; the Java stack does not). */
  static final int MAX_EXEC_DEPTH = 1000;

  private final GoTemplateSet set;
  final GoBudget budget;
  final MissingKey missingKey;
  final Map<String, GoFunc> overrides;
  private final StringBuilder out;
  private Tree tmpl;
  private Node node;
  final Vars vars = new Vars();
  private int depth;
  private final Eval eval = new Eval(this);

  Exec(GoTemplateSet set, ExecOptions options, StringBuilder out) {
    this.set = set;
    this.budget = options.budget();
    this.missingKey = options.missingKey();
    this.overrides = options.funcs().isEmpty() ? null : options.funcs();
    this.out = out;
  }

  void run(Tree t, Object data) {
    tmpl = t;
    vars.push("$", data, false);
    GoBudget outer = CurrentBudget.HOLDER.get();
    CurrentBudget.HOLDER.set(budget);
    try {
      walk(data, false, t.root());
    } catch (StackOverflowError e) {
      throw errorf("template calls or expressions nested too deeply to execute");
    } finally {
      if (outer == null) {
        CurrentBudget.HOLDER.remove();
      } else {
        CurrentBudget.HOLDER.set(outer);
      }
    }
  }

  // ---- errors and limits ----

  GoTemplateException errorf(String message) {
    String name = tmpl.name();
    String text = node == null
        ? "template: " + name + ": " + message
        : "template: " + tmpl.location(node) + ": executing " + GoQuote.quote(name) + " at <"
            + node + ">: " + message;
    throw new GoTemplateException(name, text);
  }

  String location() {
    return node == null ? tmpl.name() : tmpl.location(node);
  }

  void at(Node n) {
    node = n;
  }

  void step() {
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

  int findVar(String name) {
    int i = vars.find(name);
    if (i < 0) {
      throw errorf("undefined variable: " + name);
    }
    return i;
  }

  void setVar(String name, Object value, boolean iface) {
    vars.set(findVar(name), value, iface);
  }

  // ---- the walk ----

  private int walk(Object dot, boolean dotIface, Node n) {
    at(n);
    if (n instanceof TextNode t) {
      write(t.text());
      return NORMAL;
    }
    if (n instanceof ActionNode a) {
      Object val = eval.evalPipeline(dot, dotIface, a.pipe());
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
    int mark = vars.mark();
    try {
      Object val = eval.evalPipeline(dot, dotIface, b.pipe());
      if (GoValues.isTrue(val)) {
        return b.kind() == Kind.WITH ? walk(val, false, b.list()) : walk(dot, dotIface, b.list());
      }
      if (b.elseList() != null) {
        return walk(dot, dotIface, b.elseList());
      }
      return NORMAL;
    } finally {
      vars.pop(mark);
    }
  }

  private int walkRange(Object dot, boolean dotIface, BranchNode r) {
    at(r);
    int outer = vars.mark();
    try {
      Object val = eval.evalPipeline(dot, dotIface, r.pipe());
      int mark = vars.mark();
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
      vars.pop(outer);
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
        vars.setTop(1, elem, elemIface);
      }
    }
    if (decl.length > 1) {
      if (r.pipe().isAssign()) {
        setVar(decl[1].ident()[0], elem, elemIface);
      } else {
        vars.setTop(2, index, false);
      }
    }
    int code = walk(elem, elemIface, r.list());
    vars.pop(mark);
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
      newDot = eval.evalPipeline(dot, dotIface, t.pipe());
    } catch (RuntimeException e) {
      budget.exit();
      throw e;
    }
    Tree savedTmpl = tmpl;
    int savedVars = vars.mark();
    int savedFrame = vars.startFrame();
    tmpl = callee;
    depth++;
    try {
      vars.push("$", newDot, false);
      walk(newDot, false, callee.root());
    } finally {
      depth--;
      budget.exit();
      vars.endFrame(savedFrame, savedVars);
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

  GoTemplateException fail(String message) {
    return errorf(message);
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

}

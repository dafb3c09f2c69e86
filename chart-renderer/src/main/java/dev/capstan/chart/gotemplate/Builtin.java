package dev.capstan.chart.gotemplate;

import java.util.List;

/** Text/template's predefined functions with their Go signatures (reflect.Value parameters as ANY). */
enum Builtin {
  AND("and", 1, true),
  CALL("call", 1, true),
  HTML("html", 0, true),
  INDEX("index", 1, true),
  SLICE("slice", 1, true),
  JS("js", 0, true),
  LEN("len", 1, false),
  NOT("not", 1, false),
  OR("or", 1, true),
  PRINT("print", 0, true),
  PRINTF("printf", 1, true),
  PRINTLN("println", 0, true),
  URLQUERY("urlquery", 0, true),
  EQ("eq", 1, true),
  GE("ge", 2, false),
  GT("gt", 2, false),
  LE("le", 2, false),
  LT("lt", 2, false),
  NE("ne", 2, false);

  final String goName;
  final int fixed;
  final boolean variadic;

  Builtin(String goName, int fixed, boolean variadic) {
    this.goName = goName;
    this.fixed = fixed;
    this.variadic = variadic;
  }

  /** The type of fixed parameter {@code i}: only printf's format is typed. */
  GoType param(int i) {
    return this == PRINTF && i == 0 ? GoType.STRING : GoType.ANY;
  }

  static Builtin named(String name) {
    return switch (name) {
      case "and" -> AND;
      case "call" -> CALL;
      case "html" -> HTML;
      case "index" -> INDEX;
      case "slice" -> SLICE;
      case "js" -> JS;
      case "len" -> LEN;
      case "not" -> NOT;
      case "or" -> OR;
      case "print" -> PRINT;
      case "printf" -> PRINTF;
      case "println" -> PRINTLN;
      case "urlquery" -> URLQUERY;
      case "eq" -> EQ;
      case "ge" -> GE;
      case "gt" -> GT;
      case "le" -> LE;
      case "lt" -> LT;
      case "ne" -> NE;
      default -> null;
    };
  }

  /**
   * Runs the function (not and/or/call, which the executor handles); Go errors as GoFuncException.
   * {@code fromInterface[i]} says argument i came from an interface{} slot (a map entry, a list
   * element), which Go's len and slice treat differently from the same value held directly.
   */
  Object apply(List<Object> a, boolean[] fromInterface) {
    return switch (this) {
      case HTML -> Escapers.html(Escapers.evalArgs(a));
      case JS -> Escapers.js(Escapers.evalArgs(a));
      case URLQUERY -> Escapers.urlQuery(Escapers.evalArgs(a));
      case INDEX -> Indexing.index(a.get(0), a.subList(1, a.size()));
      case SLICE -> Indexing.slice(a.get(0), a.subList(1, a.size()), fromInterface);
      case LEN -> Indexing.length(a.get(0), fromInterface[0]);
      case NOT -> !GoValues.isTrue(a.get(0));
      case PRINT -> GoFmt.sprint(a);
      case PRINTF -> GoFmt.sprintf((String) a.get(0), a.subList(1, a.size()));
      case PRINTLN -> GoFmt.sprintln(a);
      case EQ -> Compare.eq(a.get(0), a.subList(1, a.size()));
      case NE -> !Compare.eq(a.get(0), a.subList(1, 2));
      case LT -> Compare.lt(a.get(0), a.get(1));
      case LE -> Compare.le(a.get(0), a.get(1));
      case GT -> !Compare.le(a.get(0), a.get(1));
      case GE -> !Compare.lt(a.get(0), a.get(1));
      case AND, OR, CALL -> throw new IllegalStateException(goName + " is evaluated by the executor");
    };
  }
}

package dev.capstan.chart.gotemplate;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A namespace of named templates sharing one function map, as a Go {@code *template.Template} and
 * its associated templates: {@link #parse} adds a source's top-level template and its
 * {@code define}s (a later definition replaces an earlier one, an empty one never replaces), and
 * {@link #execute} runs one by name. Parse once and execute many times: a parsed set is only read
 * by executions, so one set may serve several threads. {@link #overlay()} gives a child namespace
 * for Helm's {@code tpl}: it sees this set's templates, and what it parses stays in it.
 */
public final class GoTemplateSet {
  private final String name;
  private final Map<String, GoFunc> funcs;
  private final GoTemplateSet parent;
  private final Map<String, Tree> trees = new ConcurrentHashMap<>();

  private GoTemplateSet(String name, Map<String, GoFunc> funcs, GoTemplateSet parent) {
    this.name = name;
    this.funcs = funcs;
    this.parent = parent;
  }

  /**
   * A set whose templates may call {@code funcs} besides Go's built-ins ({@code and}, {@code len},
   * {@code printf}...); a template naming any other function does not parse. {@code name} is the
   * set's own name, used only in {@code no template "x" associated with template "NAME"}.
   */
  public static GoTemplateSet create(String name, Map<String, GoFunc> funcs) {
    return new GoTemplateSet(name, Map.copyOf(funcs), null);
  }

  /**
   * Parses {@code text} as template {@code templateName} (errors and execution places name it so)
   * and adds it and its {@code define}s to this namespace.
   *
   * @throws GoTemplateParseException worded as Go, e.g. {@code template: x:1: unexpected "}" in operand}
   */
  public GoTemplateSet parse(String templateName, String text) {
    Map<String, Tree> parsed;
    try {
      parsed = Parser.parse(templateName, text, this::resolve);
    } catch (StackOverflowError e) {
      throw new GoTemplateParseException(templateName,
          "template: " + templateName + ": expressions nested too deeply to parse");
    }
    for (Map.Entry<String, Tree> e : parsed.entrySet()) {
      Tree old = lookup(e.getKey());
      if (old != null && e.getValue().isEmpty()) {
        continue;
      }
      trees.put(e.getKey(), e.getValue());
    }
    return this;
  }

  /** A child namespace over this one, for a template parsed during a render ({@code tpl}). */
  public GoTemplateSet overlay() {
    return new GoTemplateSet(name, funcs, this);
  }

  /** Whether a template of that name is defined (here or in a parent). */
  public boolean has(String templateName) {
    return lookup(templateName) != null;
  }

  /** The names of every template this namespace sees, sorted. */
  public Set<String> templateNames() {
    Set<String> names = new TreeSet<>();
    for (GoTemplateSet s = this; s != null; s = s.parent) {
      names.addAll(s.trees.keySet());
    }
    return names;
  }

  /**
   * Executes template {@code templateName} with {@code data} as dot, appending to {@code out}.
   *
   * @throws GoTemplateException worded as Go, place included
   */
  public void execute(String templateName, Object data, StringBuilder out, ExecOptions options) {
    Tree t = lookup(templateName);
    if (t == null) {
      throw new GoTemplateException(templateName, "template: no template "
          + GoQuote.quote(templateName) + " associated with template " + GoQuote.quote(name));
    }
    new Exec(this, options, out).run(t, data);
  }

  /** {@link #execute} into a new string. */
  public String executeToString(String templateName, Object data, ExecOptions options) {
    StringBuilder out = new StringBuilder();
    execute(templateName, data, out, options);
    return out.toString();
  }

  Tree lookup(String templateName) {
    for (GoTemplateSet s = this; s != null; s = s.parent) {
      Tree t = s.trees.get(templateName);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** A function name as the parser resolves it: the set's function, else a built-in, else null. */
  Object resolve(String fn) {
    GoFunc f = funcs.get(fn);
    if (f != null) {
      return f;
    }
    return Builtin.named(fn);
  }
}

package dev.capstan.chart.template;

import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import io.pebbletemplates.pebble.extension.Function;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions Capstan adds to Pebble: {@code tpl}, {@code fail}, {@code lookup},
 * {@code semverCompare}, and a
 * {@code range} (also behind the {@code 1..n} operator) that yields its numbers lazily and stops
 * when the render's time is up, so an empty nested loop cannot spin forever.
 */
final class Functions {
  private Functions() {}

  static void register(Map<String, Function> functions) {
    functions.put("tpl", FunctionBody.of(List.of("text"), Functions::tpl));
    functions.put("fail", FunctionBody.of(List.of("message"), call -> {
      throw call.error(call.string("message"));
    }));
    functions.put("lookup", FunctionBody.of(List.of("apiVersion", "kind", "namespace", "name"),
        call -> new TreeMap<String, Object>()));
    functions.put("range", FunctionBody.of(List.of("start", "end", "step"), Functions::range));
    functions.put("semverCompare", FunctionBody.of(List.of("constraint", "version"), Functions::semverCompare));
  }

  private static Object tpl(FilterCall call) {
    RenderScope scope = call.scope();
    RenderBudget budget = scope.budget();
    budget.enter("tpl", call.path(), call.line());
    try {
      return scope.engine().renderText(call.string("text"), call.context(), call.path(), call.line());
    } finally {
      budget.exit();
    }
  }

  /** Sprig's {@code semverCompare}: whether a version (e.g. the cluster's) satisfies a range. */
  private static Object semverCompare(FilterCall call) {
    SemVerRange constraint = SemVerRange.tryParse(call.string("constraint"), RangeDialect.HELM)
        .orElseThrow(() -> call.error("semverCompare: \"" + call.string("constraint") + "\" is not a version range"));
    SemVer version = SemVer.parseLoose(call.string("version"))
        .orElseThrow(() -> call.error("semverCompare: \"" + call.string("version") + "\" is not a version"));
    return constraint.matches(version);
  }

  private static Object range(FilterCall call) {
    long start = call.integer("start");
    long end = call.integer("end");
    long step = call.arg("step") == null ? 1 : call.integer("step");
    if (step == 0) {
      throw call.error("range: step must not be 0");
    }
    long size = step > 0 ? (end >= start ? (end - start) / step + 1 : 0) : (start >= end ? (start - end) / -step + 1 : 0);
    RenderBudget budget = call.scope().budget();
    budget.checkSize(size, call.path(), call.line());
    String path = call.path();
    int line = call.line();
    return new AbstractList<Long>() {
      @Override
      public Long get(int index) {
        budget.checkTime(path, line);
        return start + index * step;
      }

      @Override
      public int size() {
        return (int) size;
      }
    };
  }
}

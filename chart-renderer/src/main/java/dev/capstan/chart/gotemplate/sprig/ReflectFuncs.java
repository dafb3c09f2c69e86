package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoValues;
import java.util.List;

/** Sprig's reflect.go: Go's %T type names and reflect kinds, and reflect.DeepEqual. */
final class ReflectFuncs {
  private ReflectFuncs() {}

  static void register(FuncTable t) {
    t.fn("typeOf", List.of(ANY), a -> GoValues.typeName(a.get(0)));
    t.fn("typeIs", List.of(STRING, ANY), a -> a.get(0).equals(GoValues.typeName(a.get(1))));
    t.fn(
        "typeIsLike",
        List.of(STRING, ANY),
        a -> {
          String type = GoValues.typeName(a.get(1));
          return a.get(0).equals(type) || ("*" + a.get(0)).equals(type);
        });
    t.fn("kindOf", List.of(ANY), a -> GoValues.kindName(a.get(0)));
    t.fn("kindIs", List.of(STRING, ANY), a -> a.get(0).equals(GoValues.kindName(a.get(1))));
    t.fn("deepEqual", List.of(ANY, ANY), a -> GoReflect.deepEqual(a.get(0), a.get(1)));
  }
}

package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.List;

/** Sprig's fail, and its getHostByName made safe: templates never reach the network. */
final class FlowFuncs {
  private FlowFuncs() {}

  static void register(FuncTable t) {
    t.fn("fail", List.of(STRING), a -> {
      throw new GoFuncException((String) a.get(0));
    });
    // Sprig resolves the name with net.LookupHost; Helm replaces it with "" unless DNS is
    // enabled, and Capstan never lets a template make a network call.
    t.fn("getHostByName", List.of(STRING), a -> "");
  }
}

package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFunc;
import java.util.Collections;
import java.util.Map;

/**
 * Sprig v3.3.0's {@code TxtFuncMap} as Helm 3.17 registers it: every function but {@code env} and
 * {@code expandenv}, which Helm deletes (a template must not read the environment). Helm then
 * replaces some entries with its own (toJson, fromJson, fail, required, getHostByName): see
 * HelmFunctions.all() for the map Helm's engine uses.
 */
public final class SprigFunctions {
  private static final Map<String, GoFunc> ALL = build();

  private SprigFunctions() {}

  /** Name to function, unmodifiable. */
  public static Map<String, GoFunc> all() {
    return ALL;
  }

  private static Map<String, GoFunc> build() {
    FuncTable t = new FuncTable();
    StringFuncs.register(t);
    WordFuncs.register(t);
    CaseFuncs.register(t);
    ConvFuncs.register(t);
    MathFuncs.register(t);
    DefaultFuncs.register(t);
    JsonFuncs.register(t);
    ListFuncs.register(t);
    DictFuncs.register(t);
    ReflectFuncs.register(t);
    EncodingFuncs.register(t);
    PathFuncs.register(t);
    RegexFuncs.register(t);
    RandomFuncs.register(t);
    SemverFuncs.register(t);
    CryptoFuncs.register(t);
    DateFuncs.register(t);
    UrlFuncs.register(t);
    FlowFuncs.register(t);
    return Collections.unmodifiableMap(t.asMap());
  }
}

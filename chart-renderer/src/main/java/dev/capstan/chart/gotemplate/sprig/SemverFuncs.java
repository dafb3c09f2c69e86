package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import java.util.List;

/** Sprig's semver.go on Masterminds/semver v3.3.0 rules. */
final class SemverFuncs {
  private SemverFuncs() {}

  static void register(FuncTable t) {
    t.fn("semver", List.of(STRING), a -> SemverVersion.parse((String) a.get(0)));
    t.fn(
        "semverCompare",
        List.of(STRING, STRING),
        a -> {
          SemverConstraints c = SemverConstraints.parse((String) a.get(0));
          return c.check(SemverVersion.parse((String) a.get(1)));
        });
  }
}

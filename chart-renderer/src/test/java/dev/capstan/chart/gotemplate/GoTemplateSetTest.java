package dev.capstan.chart.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The API the chart integration builds on: namespaces, overlays, per-execution functions. */
class GoTemplateSetTest {
  private static final GoFunc PLACEHOLDER =
      GoFunc.of("include", List.of(GoType.STRING, GoType.ANY), a -> {
        throw new GoFuncException("include outside a render");
      });

  @Test
  void anUnknownFunctionDoesNotParse() {
    GoTemplateSet set = GoTemplateSet.create("gotpl", Map.of());
    assertThatThrownBy(() -> set.parse("c/templates/a.yaml", "x\n{{ include \"h\" . }}"))
        .isInstanceOf(GoTemplateParseException.class)
        .hasMessage("template: c/templates/a.yaml:2: function \"include\" not defined");
  }

  @Test
  void executionFunctionsReplaceTheSetsOwnByName() {
    GoTemplateSet set = GoTemplateSet.create("gotpl", Map.of("include", PLACEHOLDER));
    set.parse("c/templates/_helpers.tpl", "{{ define \"name\" }}app-{{ . }}{{ end }}");
    set.parse("c/templates/a.yaml", "name: {{ include \"name\" .x }}");
    GoFunc include = GoFunc.of("include", List.of(GoType.STRING, GoType.ANY),
        a -> set.executeToString((String) a.get(0), a.get(1), ExecOptions.defaults()));
    ExecOptions opts = ExecOptions.defaults().withFuncs(Map.of("include", include));

    assertThat(set.executeToString("c/templates/a.yaml", Map.of("x", "web"), opts))
        .isEqualTo("name: app-web");
    assertThatThrownBy(() -> set.executeToString("c/templates/a.yaml", Map.of("x", "web"),
        ExecOptions.defaults()))
        .hasMessage("template: c/templates/a.yaml:1:9: executing \"c/templates/a.yaml\" at"
            + " <include \"name\" .x>: error calling include: include outside a render");
  }

  @Test
  void anErrorInsideANestedExecutionIsTheCallsError() {
    GoTemplateSet set = GoTemplateSet.create("gotpl", Map.of("include", PLACEHOLDER));
    set.parse("c/templates/_helpers.tpl", "{{ define \"bad\" }}{{ .a.b }}{{ end }}");
    set.parse("c/templates/a.yaml", "{{ include \"bad\" . }}");
    GoFunc include = GoFunc.of("include", List.of(GoType.STRING, GoType.ANY),
        a -> set.executeToString((String) a.get(0), a.get(1),
            ExecOptions.defaults().withMissingKey(MissingKey.ZERO)));
    assertThatThrownBy(() -> set.executeToString("c/templates/a.yaml", Map.of(),
        ExecOptions.defaults().withFuncs(Map.of("include", include))))
        .hasMessage("template: c/templates/a.yaml:1:3: executing \"c/templates/a.yaml\" at"
            + " <include \"bad\" .>: error calling include: template: c/templates/_helpers.tpl:1:23:"
            + " executing \"bad\" at <.a.b>: nil pointer evaluating interface {}.b");
  }

  @Test
  void anOverlaySeesTheSetAndKeepsItsOwnDefinitions() {
    GoTemplateSet set = GoTemplateSet.create("gotpl", Map.of());
    set.parse("c/templates/_helpers.tpl", "{{ define \"h\" }}base{{ end }}");
    GoTemplateSet tpl = set.overlay()
        .parse("tpl", "{{ define \"h\" }}mine{{ end }}{{ define \"own\" }}own{{ end }}");
    tpl.parse("t", "{{ template \"h\" }}-{{ template \"own\" }}");

    assertThat(tpl.executeToString("t", null, ExecOptions.defaults())).isEqualTo("mine-own");
    assertThat(set.executeToString("c/templates/_helpers.tpl", null, ExecOptions.defaults()))
        .isEmpty();
    assertThat(set.has("own")).isFalse();
    assertThat(tpl.has("own")).isTrue();
    assertThat(set.templateNames()).containsExactly("c/templates/_helpers.tpl", "h");
  }

  @Test
  void executingAnUnknownTemplateNamesTheSet() {
    GoTemplateSet set = GoTemplateSet.create("gotpl", Map.of());
    assertThatThrownBy(() -> set.executeToString("nope", null, ExecOptions.defaults()))
        .isInstanceOf(GoTemplateException.class)
        .hasMessage("template: no template \"nope\" associated with template \"gotpl\"");
  }

  @Test
  void oneParsedSetServesSeveralThreads() throws Exception {
    GoTemplateSet set = GoTemplateSet.create("gotpl", Map.of());
    set.parse("t", "{{ define \"item\" }}<{{ . }}>{{ end }}{{ range .l }}{{ template \"item\" . }}{{ end }}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        List<Object> l = List.of(i, "x", (double) i);
        results.add(pool.submit(() -> set.executeToString("t", Map.of("l", l), ExecOptions.defaults())));
      }
      for (int i = 0; i < 40; i++) {
        assertThat(results.get(i).get()).isEqualTo("<" + i + "><x><" + i + ">");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

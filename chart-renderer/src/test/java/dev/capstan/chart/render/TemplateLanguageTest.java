package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.template.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template language as a Helm user meets it: variables, macros, filters and functions. */
class TemplateLanguageTest {
  private static final String VALUES = """
      name: My Web_Server
      text: "line one\\nline two"
      quoted: "say \\"hi\\"\\tnow"
      number: 3
      float: 1.5
      map: {b: 2, a: 1, c: {z: true, k: [1, two]}}
      list: [x, w]
      tricky: ["true", "1.0", "y", "0123", "multi\\nline", "", "a: b"]
      empty: ""
      global: {env: dev}
      yamlText: "b: 1\\na: 2"
      jsonText: '{"a": [1, 2]}'
      """;

  /** Renders {@code expression} inside a template and returns the text between the markers. */
  private static String eval(String expression) {
    String out = InlineChart.of("t").file("values.yaml", VALUES).file("templates/NOTES.txt", "[" + expression + "]")
        .render().notes();
    return out.substring(1, out.length() - 1);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "{{ values.map | toJson }} => {\"a\":1,\"b\":2,\"c\":{\"k\":[1,\"two\"],\"z\":true}}",
      "{{ values.tricky | toYaml }} => `- \"true\"\n- \"1.0\"\n- \"y\"\n- \"0123\"\n- |-\n  multi\n  line\n- \"\"\n- \"a: b\"`",
      "{{ values.list | toYaml }} => `- x\n- w`",
      "{{ values.map.c | toYaml }} => `k:\n- 1\n- two\nz: true`",
      "{{ values.text | quote }} => \"line one\\nline two\"",
      "{{ values.quoted | quote }} => \"say \\\"hi\\\"\\tnow\"",
      "{{ values.number | quote }} => \"3\"",
      "{{ values.missing | quote }} => ``",
      "{{ values.name | squote }} => 'My Web_Server'",
      "{{ 'abc' | b64enc }} => YWJj",
      "{{ 'YWJj' | b64dec }} => abc",
      "{{ 'abc' | sha256sum }} => ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "{{ 'hello world' | trunc(5) }} => hello",
      "{{ 'hello world' | trunc(-5) }} => world",
      "{{ 'hello' | trunc(50) }} => hello",
      "{{ 'v1.2.3' | trimPrefix('v') }} => 1.2.3",
      "{{ 'name-' | trimSuffix('-') }} => name",
      "{{ 'HTTPServer firstName' | kebabcase }} => http-server-first-name",
      "{{ 'HTTPServer firstName' | snakecase }} => http_server_first_name",
      "{{ 'http_server' | camelcase }} => HttpServer",
      "{{ values.text | indent(2) }} => `  line one\n  line two`",
      "{{ values.text | nindent(2) }} => `\n  line one\n  line two`",
      "{{ values.missing | default('fallback') }} => fallback",
      "{{ values.empty | default('fallback') }} => fallback",
      "{{ values.number + 1 }} => 4",
      "{{ values.float }} => 1.5",
      "{{ values.jsonText | fromJson | toYaml }} => `a:\n- 1\n- 2`",
      "{{ values.yamlText | fromYaml | toJson }} => {\"a\":2,\"b\":1}",
      "{{ values.missing.deeper }} => ``",
      "{{ lookup('v1', 'Secret', 'default', 'x') | length }} => 0",
      "{{ 1..3 | join(',') }} => 1,2,3",
      "{{ semverCompare('>=1.19-0', capabilities.kubeVersion.version) }} => true",
      "{{ semverCompare('<1.25', 'v1.31.0') }} => false",
      "{{ '%s-%s' | format(release.name, chart.name) }} => release-t",
      "{{ values.map contains 'a' }} => true",
  })
  void filtersAndFunctionsBehaveAsInHelm(String expression, String expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void prettyJsonIndentsTwoSpacesAsGoDoes() {
    assertThat(eval("{{ values.map.c | toPrettyJson }}")).isEqualTo("{\n  \"k\": [\n    1,\n    \"two\"\n  ],\n  \"z\": true\n}");
  }

  @Test
  void loopStateIsReadableInsideFor() {
    assertThat(eval("{% for i in values.list %}{{ loop.index }}:{{ i }}{% if not loop.last %},{% endif %}{% endfor %}"))
        .isEqualTo("0:x,1:w");
    assertThat(eval("{% for i in values.list %}{% if loop.first %}{{ loop.length }}{% endif %}{{ loop.revindex }}{% endfor %}"))
        .isEqualTo("210");
  }

  @Test
  void mapsIterateInSortedKeyOrder() {
    assertThat(eval("{% for e in values.map %}{{ e.key }}={{ e.value is map ? 'map' : e.value }};{% endfor %}"))
        .isEqualTo("a=1;b=2;c=map;");
  }

  @Test
  void whitespaceControlWorksLikeGoTemplates() {
    String out = InlineChart.of("t").file("values.yaml", VALUES).file("templates/NOTES.txt", """
        items:
        {%- for x in values.list %}
          - {{ x }}
        {%- endfor %}
        end
        """).render().notes();
    assertThat(out).isEqualTo("items:\n  - x\n  - w\nend");
  }

  @Test
  void macrosSeeGlobalsAndCallEachOther() {
    String out = InlineChart.of("t").file("values.yaml", VALUES)
        .file("templates/_a.tpl", "{% macro outer(suffix) %}{{ release.name }}-{{ inner() }}-{{ suffix }}{% endmacro %}")
        .file("templates/_b.tpl", "{% macro inner() %}{{ values.global.env }}/{{ chart.name }}/{{ template.name }}{% endmacro %}")
        .file("templates/NOTES.txt", "{% for i in [1] %}{{ outer('x') }}{% endfor %}")
        .render(RenderOptions.defaults().withReleaseName("r")).notes();
    assertThat(out).isEqualTo("r-dev/t/t/templates/NOTES.txt-x");
  }

  @Test
  void tplRendersValuesAsTemplates() {
    String out = InlineChart.of("t").file("values.yaml", "host: \"{{ release.name }}.{{ values.domain }}\"\ndomain: example.com\n")
        .file("templates/NOTES.txt", "{{ tpl(values.host) }}").render(RenderOptions.defaults().withReleaseName("web")).notes();
    assertThat(out).isEqualTo("web.example.com");
  }

  @Test
  void releaseAndCapabilities() {
    String out = InlineChart.of("t").file("templates/NOTES.txt",
        "{{ release.name }} {{ release.namespace }} {{ release.revision }} {{ release.isInstall }} {{ release.isUpgrade }} "
            + "{{ release.service }} {{ capabilities.kubeVersion.version }} {{ capabilities.kubeVersion.major }}."
            + "{{ capabilities.kubeVersion.minor }} {{ capabilities.apiVersions.has('apps/v1/Deployment') }} "
            + "{{ capabilities.apiVersions.has('example.com/v9') }}")
        .render(RenderOptions.defaults().withReleaseName("r").withNamespace("ns").withRevision(4).withUpgrade(true)
            .withKubeVersion("1.29.3")).notes();
    assertThat(out).isEqualTo("r ns 4 false true Capstan v1.29.3 1.29 true false");
  }

  @Test
  void aMacroNamedLikeABuiltInIsRefused() {
    InlineChart chart = InlineChart.of("t").file("templates/_h.tpl", "{% macro tpl() %}x{% endmacro %}")
        .file("templates/NOTES.txt", "x");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/_h.tpl: macro tpl has the name of a built-in function");
  }

  @Test
  void aMacroDefinedInTwoFilesIsRefused() {
    InlineChart chart = InlineChart.of("t").file("templates/_a.tpl", "{% macro name() %}a{% endmacro %}")
        .file("templates/_b.tpl", "{% macro name() %}b{% endmacro %}").file("templates/NOTES.txt", "x");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessage("t/templates/_b.tpl: macro name is also defined in t/templates/_a.tpl");
  }

  @Test
  void emptyDocumentsAreDropped() {
    RenderResult result = InlineChart.of("t").file("templates/a.yaml", "---\n# only a comment\n---\n\n---\n")
        .file("templates/b.yaml", "{% if false %}apiVersion: v1{% endif %}").render();
    assertThat(result.manifests()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "{% if values.map %}yes{% else %}no{% endif %} => yes",
      "{% if values.none %}yes{% else %}no{% endif %} => no",
      "{% if values.list %}yes{% else %}no{% endif %} => yes",
      "{% if values.empty %}yes{% else %}no{% endif %} => no",
      "{% if values.name %}yes{% else %}no{% endif %} => yes",
      "{% if values.zero %}yes{% elseif values.number %}three{% endif %} => three",
      "{% if values.map and not values.emptyMap %}yes{% endif %} => yes",
      "{% if values.emptyList or values.emptyMap %}yes{% else %}no{% endif %} => no",
      "{{ not values.emptyList }} => true",
  })
  void conditionsUseGoTemplateTruth(String template, String expected) {
    String out = InlineChart.of("t").file("values.yaml", VALUES + "zero: 0\nemptyMap: {}\nemptyList: []\n")
        .file("templates/NOTES.txt", template).render().notes();
    assertThat(out).isEqualTo(expected);
  }
}

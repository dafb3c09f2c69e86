package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fields of issue #15 as a user writes them: plain manifests, several sources, valuesFrom. */
class SourcesValidationTest extends SpecValidation {

  @Test
  void aChartWithValuesFromASecondRepositoryIsValid() throws Exception {
    Application app = load("""
        sources:
          - {repoURL: "https://git.example/charts.git", path: charts/web, valuesFiles: [values.yaml, $values/env/prod.yaml]}
          - {repoURL: "https://git.example/config.git", ref: main, name: values}
        """);

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app)).isEmpty();
    assertThat(app.getSpec().deployedSource().path()).isEqualTo("charts/web");
    assertThat(app.getSpec().referenceSources()).containsOnlyKeys("values");
  }

  @Test
  void exactlyOneSourceIsDeployedAndNamesAreKnown() throws Exception {
    assertThat(violations("""
        sources:
          - {repoURL: "https://git.example/a.git", valuesFiles: [$vals/prod.yaml, $values/../x.yaml]}
          - {repoURL: "https://git.example/b.git"}
          - {repoURL: "https://git.example/c.git", name: values, values: {a: 1}}
          - {repoURL: "https://git.example/d.git", name: values}
          - {repoURL: "https://git.example/e.git", name: Bad_Name}
        """)).containsExactly(
        "spec.sources[3].name: \"values\" names two sources",
        "spec.sources[4].name: must be a lower-case name (letters, digits, '-'), got \"Bad_Name\"",
        "spec.sources: exactly one source must have no name: the one whose chart or manifests are deployed "
            + "(named sources only provide files as $name/path); found 2",
        "spec.sources[0].valuesFiles[0]: \"$vals\" names no source of spec.sources (named: values)",
        "spec.sources[0].valuesFiles[1]: must be $values/ and a file inside that repository, got \"$values/../x.yaml\"",
        "spec.sources[2].values: a named source only provides files to the others; set values on the deployed source");
  }

  @Test
  void sourceOrSourcesButNotBothNorNeither() throws Exception {
    assertThat(violations("source: {repoURL: \"https://git.example/a.git\"}\nsources: [{repoURL: \"https://git.example/b.git\"}]"))
        .containsExactly("spec.sources: set spec.source or spec.sources, not both");
    assertThat(violations("suspend: false")).containsExactly("spec.source: is required");
    assertThat(violations("source: {repoURL: \"https://git.example/a.git\", valuesFiles: [$values/x.yaml]}"))
        .containsExactly("spec.source.valuesFiles[0]: \"$values\" names no source of spec.sources (none has a name)");
  }

  @Test
  void directoryPatternsAreCheckedAndTakeNoValues() throws Exception {
    assertThat(violations("source: {repoURL: \"https://git.example/a.git\", directory: {recurse: true, include: '{a,b', exclude: '*.json'}}"))
        .containsExactly("spec.source.directory.include: unclosed '{' in \"{a,b\"");
    assertThat(violations("source: {repoURL: \"https://git.example/a.git\", directory: {recurse: true}, values: {replicas: 2}}"))
        .containsExactly("spec.source.directory: plain manifests are not templated and take no values; "
            + "remove valuesFiles, values and valuesFrom, or deploy a chart");
  }

  @Test
  void valuesFromNamesAConfigMapOrSecretAndAKey() throws Exception {
    assertThat(violations("""
        source:
          repoURL: "https://git.example/a.git"
          valuesFrom:
            - {kind: ConfigMap, name: web-values}
            - {kind: Secret, name: web-secret-values, valuesKey: prod.yaml, optional: true}
            - {kind: Deployment, name: "../x", valuesKey: "a/b"}
        """)).containsExactly(
        "spec.source.valuesFrom[2].kind: must be ConfigMap or Secret, got \"Deployment\"",
        "spec.source.valuesFrom[2].name: must name a Deployment, got \"../x\"",
        "spec.source.valuesFrom[2].valuesKey: must be a key of letters, digits, '-', '_' and '.', got \"a/b\"");
  }

  @Test
  void chartsFromRepositoriesAndRegistriesAreChecked() throws Exception {
    assertThat(violations("""
        sources:
          - {repoURL: "oci://registry.example/charts/web", ref: "^1.2", insecure: true, valuesFiles: [$values/prod.yaml]}
          - {repoURL: "https://git.example/config.git", name: values}
        """)).isEmpty();
    assertThat(violations("source: {repoURL: \"https://charts.example/stable\", chart: web, ref: \"1.2.3\"}")).isEmpty();
    assertThat(violations("""
        source:
          repoURL: "ftp://charts.example/stable"
          chart: web
          ref: "~>banana"
          path: charts/web
          insecure: true
          valuesFiles: [values-prod.yaml]
        """)).containsExactly(
        "spec.source.repoURL: a Helm repository is an https:// or http:// URL (or use oci://), got \"ftp://charts.example/stable\"",
        "spec.source.insecure: applies to oci:// registries; a Helm repository's scheme says https:// or http://",
        "spec.source.ref: \"~>banana\" is not a chart version or SemVer range: " + rangeError("~>banana"),
        "spec.source.path: a chart from a repository or registry has no folder; remove path",
        "spec.source.valuesFiles[0]: files of a chart from a repository are not read as values; "
            + "name a file of a Git source as $name/path, or use values or valuesFrom");
    assertThat(violations("source: {repoURL: \"oci://registry.example\"}")).singleElement().asString()
        .startsWith("spec.source.repoURL: \"oci://registry.example\" names no repository");
  }

  private static String rangeError(String range) {
    try {
      dev.capstan.core.semver.SemVerRange.parse(range, dev.capstan.core.semver.RangeDialect.HELM_CHART_VERSIONS);
      return "";
    } catch (dev.capstan.core.semver.InvalidRangeException e) {
      return e.getMessage();
    }
  }

  @Test
  void aTypoInTheNewFieldsIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> load("source: {repoURL: \"https://git.example/a.git\"}\nsources:\n  - repoURL: x\n    directory: {recursive: true}\n"))
        .isInstanceOf(ApplicationException.class)
        .hasMessageContaining("app.yaml:9: unknown field \"recursive\" at spec.sources[0].directory.recursive");
  }
}

package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code verify} as a user writes it on each kind of source: Git modes on Git, {@code Provenance} on
 * charts from Helm repositories and OCI registries (its default there), each refused on the other
 * kind in one line naming the field.
 */
class ProvenanceVerifyValidationTest extends SpecValidation {

  @Test
  void provenanceIsValidOnHelmRepositoryAndOciSources() throws Exception {
    assertThat(violations("""
        source: {repoURL: "https://charts.example.com", chart: web, ref: "^1.0", verify: {mode: Provenance, secretRef: chart-keys}}
        """)).isEmpty();
    assertThat(violations("""
        source: {repoURL: "oci://registry.example.com/charts/web", ref: "1.4.0", verify: {mode: Provenance, secretRef: chart-keys}}
        """)).isEmpty();
  }

  @Test
  void aChartSourceWithoutModeVerifiesProvenance() throws Exception {
    Application app = load("""
        source: {repoURL: "oci://registry.example.com/charts/web", verify: {secretRef: chart-keys}}
        """);

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app)).isEmpty();
    assertThat(app.getSpec().source().verifiesProvenance()).isTrue();
    assertThat(load("source: {repoURL: \"https://git.example/app.git\", verify: {secretRef: keys}}").getSpec().source()
        .verifiesProvenance()).as("a Git source's default is HEAD").isFalse();
  }

  @Test
  void gitModesAreRefusedOnChartSources() throws Exception {
    assertThat(violations("""
        source: {repoURL: "https://charts.example.com", chart: web, verify: {mode: HEAD, secretRef: chart-keys}}
        """)).containsExactly("spec.source.verify.mode: HEAD checks signed Git commits or tags; a chart from a repository "
        + "or registry is verified by its provenance file: use Provenance");
    assertThat(violations("""
        sources:
          - {repoURL: "oci://registry.example.com/charts/web", verify: {mode: TagAndHEAD, secretRef: chart-keys}}
        """)).containsExactly("spec.sources[0].verify.mode: TagAndHEAD checks signed Git commits or tags; a chart from a "
        + "repository or registry is verified by its provenance file: use Provenance");
  }

  @Test
  void provenanceIsRefusedOnGitSources() throws Exception {
    assertThat(violations("""
        sources:
          - {repoURL: "oci://registry.example.com/charts/web", valuesFiles: [$values/prod.yaml]}
          - {repoURL: "https://git.example/config.git", name: values, verify: {mode: Provenance, secretRef: keys}}
        """)).containsExactly("spec.sources[1].verify.mode: Provenance checks a chart's .prov from a Helm repository or OCI "
        + "registry; a Git source is verified with HEAD, Tag or TagAndHEAD");
    assertThat(violations("""
        source: {repoURL: "https://git.example/app.git", path: chart, verify: {mode: Provenance, secretRef: keys}}
        """)).containsExactly("spec.source.verify.mode: Provenance checks a chart's .prov from a Helm repository or OCI "
        + "registry; a Git source is verified with HEAD, Tag or TagAndHEAD");
  }

  @Test
  void anUnknownModeOrAMissingSecretIsNamed() throws Exception {
    assertThat(violations("""
        source: {repoURL: "oci://registry.example.com/charts/web", verify: {mode: Cosign, secretRef: "Bad/Name"}}
        """)).containsExactly(
        "spec.source.verify.mode: must be HEAD, Tag or TagAndHEAD (Git) or Provenance (a chart from a repository or registry), "
            + "got \"Cosign\"",
        "spec.source.verify.secretRef: must name a Secret holding the trusted public keys, got \"Bad/Name\"");
    assertThat(violations("""
        source: {repoURL: "https://charts.example.com", chart: web, verify: {mode: Provenance}}
        """)).containsExactly("spec.source.verify.secretRef: must name a Secret holding the trusted public keys, got \"null\"");
  }
}

package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationValidatorTest {
  private static Application app(String name, ApplicationSpec spec) {
    Application app = new Application();
    app.setMetadata(new ObjectMetaBuilder().withName(name).build());
    app.setSpec(spec);
    return app;
  }

  private static ApplicationSpec spec(Destination destination, SyncPolicy policy, List<SyncWindow> windows, List<String> dependsOn) {
    return new ApplicationSpec(new Source("file:///repo", "main", "apps/web", List.of("values.yaml"), Map.of(), null),
        destination, policy, dependsOn, false, windows);
  }

  @Test
  void aValidSpecHasNoViolations() {
    var policy = new SyncPolicy(true, true, true, true, "1m", "5m", 10, new SyncPolicy.Retry(3, "5s"));
    var windows = List.of(new SyncWindow(SyncWindow.Kind.deny, "0 22 * * *", "8h", "Europe/Madrid"));
    var app = app("web", spec(new Destination("web", null), policy, windows, List.of("db")));

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app)).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsField() {
    var policy = new SyncPolicy(true, null, null, null, "3 minutes", "5m", 0, new SyncPolicy.Retry(-1, "soon"));
    var windows = List.of(new SyncWindow(SyncWindow.Kind.deny, "0 22 * *", "8 hours", "Mars/Olympus"));
    var app = app("web", spec(new Destination("Web_NS", "r"), policy, windows, List.of("web")));

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app)).extracting(Violation::field).containsExactly(
        "spec.destination.namespace",
        "spec.syncPolicy.interval",
        "spec.syncPolicy.historyLimit",
        "spec.syncPolicy.retry.limit",
        "spec.syncPolicy.retry.backoff",
        "spec.syncWindows[0].timeZone",
        "spec.syncWindows[0].schedule",
        "spec.syncWindows[0].duration",
        "spec.dependsOn[0]");
  }

  @Test
  void aDestinationOutsideTheAllowedNamespacesIsRefused() {
    var validator = new ApplicationValidator(AgentPolicy.permissive().withAllowedNamespaces(List.of("team-a", "team-b")));

    assertThat(validator.validate(app("web", spec(new Destination("kube-system", null), null, null, null))))
        .containsExactly(new Violation("spec.destination.namespace",
            "namespace \"kube-system\" is not one this agent may deploy to (allowed: team-a, team-b)"));
    assertThat(validator.validate(app("web", spec(new Destination("team-b", null), null, null, null)))).isEmpty();
  }

  @Test
  void pathsMustStayInsideTheRepository() {
    var spec = new ApplicationSpec(new Source("file:///repo", null, "../other", List.of("/etc/passwd"), null, null),
        new Destination("web", null), null, null, null, null);

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app("web", spec)))
        .extracting(Violation::field).containsExactly("spec.source.path", "spec.source.valuesFiles[0]");
  }

  /** Issue #14: a secretRef that is a path sent the agent's ServiceAccount token to any repository host. */
  @ParameterizedTest
  @ValueSource(strings = {"/var/run/secrets/kubernetes.io/serviceaccount", "../team-b", "team-a/../team-b", "..", "Git-Creds"})
  void aSecretRefMustNameASecretNotAPath(String secretRef) {
    var spec = new ApplicationSpec(new Source("http://attacker/x.git", null, null, null, null, secretRef),
        new Destination("web", null), null, null, null, null);

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app("web", spec)))
        .singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo("spec.source.secretRef");
          assertThat(v.message()).contains("must name a Secret", secretRef);
        });
  }

  @Test
  void aSecretNameIsAcceptedAsASecretRef() {
    var spec = new ApplicationSpec(new Source("https://git.example/x.git", null, null, null, null, "team-a.git-creds"),
        new Destination("web", null), null, null, null, null);

    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app("web", spec))).isEmpty();
  }

  /** Issue #14: in cluster mode one team's file:// Application could read another's checkout. */
  @ParameterizedTest
  @ValueSource(strings = {"file:///var/cache/capstan/git/other-team.git", "/srv/git/other.git", "./repo", "FILE:///x"})
  void localRepositoriesAreRefusedUnlessTheAgentAllowsThem(String url) {
    var spec = new ApplicationSpec(new Source(url, null, null, null, null, null), new Destination("web", null), null, null, null, null);

    assertThat(new ApplicationValidator(AgentPolicy.permissive().withLocalRepositories(false)).validate(app("web", spec)))
        .singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo("spec.source.repoURL");
          assertThat(v.message()).contains("--allow-local-repositories");
        });
    assertThat(new ApplicationValidator(AgentPolicy.permissive()).validate(app("web", spec))).isEmpty();
  }
}

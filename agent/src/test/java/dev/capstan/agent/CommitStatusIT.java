package dev.capstan.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.capstan.agent.status.HostCommitStatuses;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a deploy the Git host gets a commit status: WireMock stands in for a self-hosted Gitea's API. */
@KubeApiServerTest
class CommitStatusIT {
  KubernetesClient client;
  KubeEnv env;

  @Test
  void aDeployReportsPendingThenSuccessOnTheCommit(@TempDir Path tmp) throws Exception {
    WireMockServer gitea = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    gitea.start();
    try {
      gitea.stubFor(post(urlPathMatching("/api/v1/repos/.*/statuses/.*")).willReturn(aResponse().withStatus(201)));
      Path served = Files.createDirectories(tmp.resolve("served"));
      Upstream upstream = Upstream.create(served, "apps");
      String commit = upstream.push("chart", configMapChart("app", "demo", "hello"));
      try (GitDaemon daemon = GitDaemon.start(served)) {
        var statuses = HostCommitStatuses.fromEnvironment(
            Map.of("CAPSTAN_STATUS_GITEA_TOKEN", "gitea-token", "CAPSTAN_STATUS_GITEA_HOSTS", "127.0.0.1"),
            repo -> Optional.of(URI.create(gitea.baseUrl() + "/api/v1")));
        try (AgentFixture fx = new AgentFixture(tmp, client, statuses)) {
          fx.load(tmp, "apps", """
              apiVersion: capstan.dev/v1alpha1
              kind: Application
              metadata: {name: web}
              spec:
                source: {repoURL: "%s", ref: main, path: app}
                destination: {namespace: %s}
                syncPolicy: {automated: true, interval: 1h}
              """.formatted(daemon.url("apps.git"), env.namespace()));

          String path = "/api/v1/repos/.*/statuses/" + commit;
          await("success reported", Duration.ofSeconds(60), () -> !gitea.findAll(postRequestedFor(urlPathMatching(path))
              .withRequestBody(matchingJsonPath("$.state", equalTo("success")))).isEmpty());
          gitea.verify(postRequestedFor(urlPathMatching(path))
              .withHeader("Authorization", equalTo("token gitea-token"))
              .withRequestBody(matchingJsonPath("$.state", equalTo("pending")))
              .withRequestBody(matchingJsonPath("$.context", equalTo("capstan/web"))));
          gitea.verify(postRequestedFor(urlPathMatching(path))
              .withRequestBody(matchingJsonPath("$.description", equalTo("live in " + env.namespace() + " as revision 1"))));
        }
      }
    } finally {
      gitea.stop();
    }
  }
}

package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Gitea, Forgejo and Gogs {@code push} events. The three send the same payload under their own
 * header names, so each header is looked up under all three. A deleted branch or tag arrives as a
 * separate {@code delete} event (not as a push to the zero SHA, as on GitHub), so it is read here too.
 * Pull requests arrive as {@code pull_request} (and {@code pull_request_sync} on some versions) in
 * GitHub's shape; Gitea keeps the head as {@code refs/pull/N/head} in the target repository.
 */
final class GiteaParser implements PayloadParser {
  @Override
  public String deliveryId(DeliveryHeaders headers) {
    return headers.first("X-Gitea-Delivery", "X-Forgejo-Delivery", "X-Gogs-Delivery");
  }

  @Override
  public ParsedDelivery parse(DeliveryHeaders headers, JsonNode body) {
    String event = headers.first("X-Gitea-Event", "X-Forgejo-Event", "X-Gogs-Event");
    RepoId repo = repository(body);
    if ("pull_request".equals(event) || "pull_request_sync".equals(event)) {
      return pullRequest(headers, body, repo);
    }
    if (!"push".equals(event) && !"delete".equals(event)) {
      return new ParsedDelivery.Ignored(event == null ? "(no X-Gitea-Event)" : event, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.repository.clone_url", "is missing or not a string");
    }
    if ("delete".equals(event)) {
      return new ParsedDelivery.Pushes(List.of(deletion(body, repo, deliveryId(headers))));
    }
    String after = Json.text(body, "after");
    PushEvent push = new PushEvent(repo, Json.text(body, "ref"), after, paths(body, after), Provider.GITEA, deliveryId(headers));
    return new ParsedDelivery.Pushes(List.of(push));
  }

  private ParsedDelivery pullRequest(DeliveryHeaders headers, JsonNode body, RepoId repo) {
    PullRequestAction action = PullRequestPayloads.githubAction(Json.optText(body, "action"), body);
    if (action == null) {
      return new ParsedDelivery.Ignored("pull_request:" + Json.optText(body, "action"), repo);
    }
    if (repo == null) {
      throw new PayloadException("$.repository.clone_url", "is missing or not a string");
    }
    return new ParsedDelivery.PullRequest(PullRequestPayloads.githubLike(body, action, repo, Provider.GITEA, deliveryId(headers)));
  }

  private static PushEvent deletion(JsonNode body, RepoId repo, String delivery) {
    String name = Json.text(body, "ref");
    String type = Json.optText(body, "ref_type");
    String ref = name.startsWith("refs/") ? name : ("tag".equals(type) ? "refs/tags/" : "refs/heads/") + name;
    return new PushEvent(repo, ref, PushEvent.ZERO_SHA, ChangedPaths.of(List.of()), Provider.GITEA, delivery);
  }

  private static RepoId repository(JsonNode body) {
    String url = Json.optText(body, "repository", "clone_url");
    if (url == null) {
      url = Json.optText(body, "repository", "html_url");
    }
    return url == null ? null : RepoId.of(url);
  }

  private static ChangedPaths paths(JsonNode body, String after) {
    if (PushEvent.ZERO_SHA.equals(after)) {
      return ChangedPaths.of(List.of());
    }
    JsonNode commits = body.get("commits");
    String before = Json.optText(body, "before");
    // Gitea caps the commit list (webhook.PAYLOAD_COMMIT_LIMIT) and reports the real count.
    int total = body.path("total_commits").asInt(-1);
    if (PushEvent.ZERO_SHA.equals(before) || commits == null || !commits.isArray() || commits.isEmpty()
        || total > commits.size()) {
      return ChangedPaths.unknown();
    }
    return ChangedPaths.of(Json.pathsOfCommits(commits));
  }
}

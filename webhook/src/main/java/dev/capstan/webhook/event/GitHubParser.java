package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * GitHub {@code push}, {@code pull_request} and {@code ping} events (X-GitHub-Event); tag pushes arrive
 * as pushes of {@code refs/tags/…}. A pull request's head is kept by GitHub as {@code refs/pull/N/head}
 * in the target repository, forks included.
 */
final class GitHubParser implements PayloadParser {
  /** GitHub lists at most this many commits; a push with that many may have more. */
  private static final int COMMIT_LIST_LIMIT = 2048;

  @Override
  public String deliveryId(DeliveryHeaders headers) {
    return headers.get("X-GitHub-Delivery");
  }

  @Override
  public ParsedDelivery parse(DeliveryHeaders headers, JsonNode body) {
    String event = headers.get("X-GitHub-Event");
    RepoId repo = repository(body);
    if ("ping".equals(event)) {
      return new ParsedDelivery.Ping(repo);
    }
    if ("pull_request".equals(event)) {
      return pullRequest(headers, body, repo);
    }
    if (!"push".equals(event)) {
      return new ParsedDelivery.Ignored(event == null ? "(no X-GitHub-Event)" : event, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.repository.clone_url", "is missing or not a string");
    }
    String after = Json.text(body, "after");
    PushEvent push = new PushEvent(repo, Json.text(body, "ref"), after, paths(body), Provider.GITHUB, deliveryId(headers));
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
    return new ParsedDelivery.PullRequest(PullRequestPayloads.githubLike(body, action, repo, Provider.GITHUB, deliveryId(headers)));
  }

  private static RepoId repository(JsonNode body) {
    String url = Json.optText(body, "repository", "clone_url");
    if (url == null) {
      url = Json.optText(body, "repository", "html_url");
    }
    return url == null ? null : RepoId.of(url);
  }

  private static ChangedPaths paths(JsonNode body) {
    if (body.path("deleted").asBoolean(false)) {
      return ChangedPaths.of(List.of());
    }
    JsonNode commits = body.get("commits");
    // A new branch or a force push changes more than the listed commits describe.
    boolean rewritten = body.path("created").asBoolean(false) || body.path("forced").asBoolean(false);
    if (rewritten || commits == null || !commits.isArray() || commits.isEmpty() || commits.size() >= COMMIT_LIST_LIMIT) {
      return ChangedPaths.unknown();
    }
    return ChangedPaths.of(Json.pathsOfCommits(commits));
  }
}

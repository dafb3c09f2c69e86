package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * GitLab {@code Push Hook} and {@code Tag Push Hook} events, from project or system hooks; the kind is
 * read from {@code object_kind} so both hook types work. GitLab lists at most 20 commits and says how
 * many there were in {@code total_commits_count}.
 */
final class GitLabParser implements PayloadParser {
  @Override
  public String deliveryId(DeliveryHeaders headers) {
    // Idempotency-Key stays the same across GitLab's own retries; X-Gitlab-Event-UUID on older versions.
    return headers.first("Idempotency-Key", "X-Gitlab-Event-UUID");
  }

  @Override
  public ParsedDelivery parse(DeliveryHeaders headers, JsonNode body) {
    String kind = Json.optText(body, "object_kind");
    if (kind == null) {
      kind = Json.optText(body, "event_name");
    }
    RepoId repo = repository(body);
    if (!"push".equals(kind) && !"tag_push".equals(kind)) {
      String header = headers.get("X-Gitlab-Event");
      return new ParsedDelivery.Ignored(kind != null ? kind : header == null ? "(no object_kind)" : header, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.project.git_http_url", "is missing or not a string");
    }
    String after = Json.text(body, "after");
    PushEvent push = new PushEvent(repo, Json.text(body, "ref"), after, paths(body, after), Provider.GITLAB, deliveryId(headers));
    return new ParsedDelivery.Pushes(List.of(push));
  }

  private static RepoId repository(JsonNode body) {
    for (String[] path : new String[][] {
      {"project", "git_http_url"}, {"repository", "git_http_url"}, {"project", "web_url"}, {"repository", "homepage"}}) {
      String url = Json.optText(body, path);
      if (url != null) {
        return RepoId.of(url);
      }
    }
    return null;
  }

  private static ChangedPaths paths(JsonNode body, String after) {
    if (PushEvent.ZERO_SHA.equals(after)) {
      return ChangedPaths.of(List.of());
    }
    JsonNode commits = body.get("commits");
    String before = Json.optText(body, "before");
    int total = body.path("total_commits_count").asInt(-1);
    if (PushEvent.ZERO_SHA.equals(before) || commits == null || !commits.isArray() || commits.isEmpty()
        || total > commits.size()) {
      return ChangedPaths.unknown();
    }
    return ChangedPaths.of(Json.pathsOfCommits(commits));
  }
}

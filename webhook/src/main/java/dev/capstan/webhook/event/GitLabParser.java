package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * GitLab {@code Push Hook} and {@code Tag Push Hook} events, from project or system hooks; the kind is
 * read from {@code object_kind} so both hook types work. GitLab lists at most 20 commits and says how
 * many there were in {@code total_commits_count}. {@code Merge Request Hook} events
 * ({@code object_kind: merge_request}) become pull-request events; GitLab keeps a merge request's head
 * as {@code refs/merge-requests/N/head} in the target project, forks included.
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
    if ("merge_request".equals(kind)) {
      return mergeRequest(headers, body, repo);
    }
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

  private ParsedDelivery mergeRequest(DeliveryHeaders headers, JsonNode body, RepoId repo) {
    String verb = Json.optText(body, "object_attributes", "action");
    PullRequestAction action = verb == null ? null : switch (verb) {
      case "open", "reopen" -> PullRequestAction.OPENED;
      case "update" -> PullRequestAction.UPDATED;
      case "close", "merge" -> PullRequestAction.CLOSED;
      default -> null; // approvals and the like change nothing a preview shows
    };
    if (action == null) {
      return new ParsedDelivery.Ignored("merge_request:" + verb, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.project.git_http_url", "is missing or not a string");
    }
    JsonNode iid = Json.at(body, "object_attributes", "iid");
    if (iid == null || !iid.canConvertToLong() || iid.asLong() < 1) {
      throw new PayloadException("$.object_attributes.iid", "is missing or not a positive number");
    }
    long number = iid.asLong();
    String sourceUrl = Json.optText(body, "object_attributes", "source", "git_http_url");
    return new ParsedDelivery.PullRequest(new PullRequestEvent(repo, number, action,
        Json.text(body, "object_attributes", "last_commit", "id"),
        Json.text(body, "object_attributes", "source_branch"),
        sourceUrl == null ? null : RepoId.of(sourceUrl),
        Json.text(body, "object_attributes", "target_branch"),
        "refs/merge-requests/" + number + "/head",
        Json.optText(body, "object_attributes", "title"),
        Json.optText(body, "object_attributes", "url"),
        Provider.GITLAB, deliveryId(headers)));
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

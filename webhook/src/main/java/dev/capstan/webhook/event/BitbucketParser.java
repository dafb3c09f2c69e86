package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitbucket Cloud {@code repo:push} events. One delivery may carry several ref changes
 * ({@code push.changes[]}); a deleted ref has {@code new: null}. Bitbucket lists no file paths.
 * {@code pullrequest:created/updated/fulfilled/rejected} become pull-request events. Bitbucket keeps no
 * pull-request refs and names commits by a 12-digit abbreviation, so the head is fetched as the source
 * branch, which only a same-repository request has in the target repository.
 */
final class BitbucketParser implements PayloadParser {
  @Override
  public String deliveryId(DeliveryHeaders headers) {
    return headers.get("X-Request-UUID");
  }

  @Override
  public ParsedDelivery parse(DeliveryHeaders headers, JsonNode body) {
    String event = headers.get("X-Event-Key");
    RepoId repo = repository(body);
    if ("diagnostics:ping".equals(event)) {
      return new ParsedDelivery.Ping(repo);
    }
    if (event != null && event.startsWith("pullrequest:")) {
      return pullRequest(event, body, repo, deliveryId(headers));
    }
    if (!"repo:push".equals(event)) {
      return new ParsedDelivery.Ignored(event == null ? "(no X-Event-Key)" : event, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.repository.links.html.href", "is missing or not a string");
    }
    JsonNode changes = Json.at(body, "push", "changes");
    if (changes == null || !changes.isArray()) {
      throw new PayloadException("$.push.changes", "is missing or not an array");
    }
    List<PushEvent> events = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      events.add(change(changes.get(i), i, repo, deliveryId(headers)));
    }
    return new ParsedDelivery.Pushes(events);
  }

  private static ParsedDelivery pullRequest(String event, JsonNode body, RepoId repo, String delivery) {
    PullRequestAction action = switch (event) {
      case "pullrequest:created" -> PullRequestAction.OPENED;
      case "pullrequest:updated" -> PullRequestAction.UPDATED;
      case "pullrequest:fulfilled", "pullrequest:rejected" -> PullRequestAction.CLOSED;
      default -> null; // comments, approvals
    };
    if (action == null) {
      return new ParsedDelivery.Ignored(event, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.repository.links.html.href", "is missing or not a string");
    }
    JsonNode id = Json.at(body, "pullrequest", "id");
    if (id == null || !id.canConvertToLong() || id.asLong() < 1) {
      throw new PayloadException("$.pullrequest.id", "is missing or not a positive number");
    }
    String headBranch = Json.text(body, "pullrequest", "source", "branch", "name");
    RepoId headRepo = repository(Json.at(body, "pullrequest", "source"));
    boolean sameRepository = headRepo == null || headRepo.equals(repo);
    return new ParsedDelivery.PullRequest(new PullRequestEvent(repo, id.asLong(), action,
        Json.text(body, "pullrequest", "source", "commit", "hash"), headBranch, headRepo,
        Json.text(body, "pullrequest", "destination", "branch", "name"),
        sameRepository ? "refs/heads/" + headBranch : null,
        Json.optText(body, "pullrequest", "title"), Json.optText(body, "pullrequest", "links", "html", "href"),
        Provider.BITBUCKET, delivery));
  }

  private static PushEvent change(JsonNode change, int index, RepoId repo, String delivery) {
    JsonNode created = Json.at(change, "new");
    JsonNode side = created != null ? created : Json.at(change, "old");
    String where = "$.push.changes[" + index + "]";
    if (side == null) {
      throw new PayloadException(where, "has neither new nor old");
    }
    String type = Json.optText(side, "type");
    String name = Json.optText(side, "name");
    if (name == null) {
      throw new PayloadException(where + ".name", "is missing or not a string");
    }
    String ref = ("tag".equals(type) ? "refs/tags/" : "refs/heads/") + name;
    String commit = created == null ? PushEvent.ZERO_SHA : Json.optText(created, "target", "hash");
    if (commit == null) {
      throw new PayloadException(where + ".new.target.hash", "is missing or not a string");
    }
    return new PushEvent(repo, ref, commit, ChangedPaths.unknown(), Provider.BITBUCKET, delivery);
  }

  private static RepoId repository(JsonNode body) {
    if (body == null) {
      return null;
    }
    String url = Json.optText(body, "repository", "links", "html", "href");
    if (url != null) {
      return RepoId.of(url);
    }
    String fullName = Json.optText(body, "repository", "full_name");
    return fullName == null ? null : RepoId.of("https://bitbucket.org/" + fullName);
  }
}

package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Capstan's own payload for hosts and CI systems without a supported format:
 * <pre>{"repository": "https://git.example.com/org/repo.git", "ref": "refs/heads/main",
 *  "commit": "&lt;40-hex sha&gt;", "changedPaths": ["apps/web/values.yaml"]}</pre>
 * {@code X-Capstan-Event} is {@code push} (the default) or {@code ping}; {@code changedPaths} is optional.
 */
final class GenericParser implements PayloadParser {
  @Override
  public String deliveryId(DeliveryHeaders headers) {
    return headers.get("X-Capstan-Delivery");
  }

  @Override
  public ParsedDelivery parse(DeliveryHeaders headers, JsonNode body) {
    String event = headers.get("X-Capstan-Event");
    String url = Json.optText(body, "repository");
    RepoId repo = url == null ? null : RepoId.of(url);
    if ("ping".equals(event)) {
      return new ParsedDelivery.Ping(repo);
    }
    if (event != null && !"push".equals(event)) {
      return new ParsedDelivery.Ignored(event, repo);
    }
    if (repo == null) {
      throw new PayloadException("$.repository", "is missing or not a string");
    }
    String ref = Json.text(body, "ref");
    if (!ref.startsWith("refs/")) {
      throw new PayloadException("$.ref", "must be a full ref such as refs/heads/main, got " + ref);
    }
    String commit = Json.text(body, "commit");
    if (!commit.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")) {
      throw new PayloadException("$.commit", "must be a full 40- or 64-character hex commit SHA, got " + commit);
    }
    String sha = commit.toLowerCase(Locale.ROOT);
    PushEvent push = new PushEvent(repo, ref, sha, paths(body), Provider.GENERIC, deliveryId(headers));
    return new ParsedDelivery.Pushes(List.of(push));
  }

  private static ChangedPaths paths(JsonNode body) {
    JsonNode list = body.get("changedPaths");
    if (list == null || list.isNull()) {
      return ChangedPaths.unknown();
    }
    if (!list.isArray()) {
      throw new PayloadException("$.changedPaths", "must be an array of strings");
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isTextual()) {
        throw new PayloadException("$.changedPaths[" + i + "]", "must be a string");
      }
      paths.add(list.get(i).asText());
    }
    return ChangedPaths.of(paths);
  }
}

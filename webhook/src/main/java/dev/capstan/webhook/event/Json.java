package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Field access on provider payloads with errors that name the JSON path. */
final class Json {
  private Json() {}

  /** The text at {@code path}, or null when absent, null or not text. */
  static String optText(JsonNode root, String... path) {
    JsonNode node = at(root, path);
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  static String text(JsonNode root, String... path) {
    String value = optText(root, path);
    if (value == null) {
      throw new PayloadException(jsonPath(path), "is missing or not a string");
    }
    return value;
  }

  /** The first present text among several alternative paths, each given as a dotted string. */
  static String firstText(JsonNode root, String... dottedPaths) {
    for (String dotted : dottedPaths) {
      String value = optText(root, dotted.split("\\."));
      if (value != null) {
        return value;
      }
    }
    throw new PayloadException("$." + dottedPaths[0], "is missing or not a string");
  }

  static JsonNode at(JsonNode root, String... path) {
    JsonNode node = root;
    for (String field : path) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(field);
    }
    return node == null || node.isNull() ? null : node;
  }

  /** The union of {@code added}, {@code modified} and {@code removed} over a commits array, as GitHub, GitLab and Gitea list them. */
  static Set<String> pathsOfCommits(JsonNode commits) {
    Set<String> paths = new LinkedHashSet<>();
    for (JsonNode commit : commits) {
      for (String field : new String[] {"added", "modified", "removed"}) {
        JsonNode list = commit.get(field);
        if (list != null && list.isArray()) {
          list.forEach(p -> {
            if (p.isTextual()) {
              paths.add(p.asText());
            }
          });
        }
      }
    }
    return paths;
  }

  static String jsonPath(String... path) {
    return "$." + String.join(".", path);
  }
}

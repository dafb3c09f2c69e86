package dev.capstan.webhook.event;

import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to a delivery's HTTP headers, case-insensitively, without tying parsing and
 * verification to a particular HTTP server.
 */
@FunctionalInterface
public interface DeliveryHeaders {
  /** The header's value, or null when absent. */
  String get(String name);

  /** The first of several alternative headers that is present (Gitea, Forgejo and Gogs each name their own). */
  default String first(String... names) {
    for (String name : names) {
      String value = get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  static DeliveryHeaders of(Map<String, String> headers) {
    TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    folded.putAll(headers);
    return folded::get;
  }
}

package dev.capstan.agent.preview;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest preview of each open pull request; a closed one is forgotten whole. */
public final class PreviewStore {
  private final Map<String, OpenPreview> previews = new ConcurrentHashMap<>();

  void put(String pullRequestId, OpenPreview preview) {
    previews.put(pullRequestId, preview);
  }

  Optional<OpenPreview> get(String pullRequestId) {
    return Optional.ofNullable(previews.get(pullRequestId));
  }

  void remove(String pullRequestId) {
    previews.remove(pullRequestId);
  }

  /** Open previews, by repository then number. */
  public List<OpenPreview> list() {
    return previews.values().stream()
        .sorted(Comparator.comparing(OpenPreview::repository).thenComparingLong(OpenPreview::number))
        .toList();
  }
}

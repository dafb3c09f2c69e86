package dev.capstan.agent.preview;

import java.util.List;

/**
 * The latest preview of one open pull request, as {@code GET /api/v1/previews} lists it.
 *
 * @param repository the target repository, {@code host/owner/name}
 * @param headCommit the full SHA previewed
 * @param previewedAt when, ISO-8601 UTC
 */
public record OpenPreview(String repository, long number, String title, String url, String provider, String baseBranch,
    String headCommit, String previewedAt, List<AppPreview> applications) {
  public OpenPreview {
    applications = List.copyOf(applications);
  }
}

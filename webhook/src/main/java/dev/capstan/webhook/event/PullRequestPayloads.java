package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the pull-request shape GitHub and Gitea share ({@code action}, {@code pull_request.head/base}). */
final class PullRequestPayloads {
  private PullRequestPayloads() {}

  /**
   * @param action the payload's {@code action}, already folded
   * @param target the repository the request merges into
   */
  static PullRequestEvent githubLike(JsonNode body, PullRequestAction action, RepoId target, Provider provider, String delivery) {
    long number = number(body);
    String head = Json.text(body, "pull_request", "head", "sha");
    String headBranch = Json.text(body, "pull_request", "head", "ref");
    String base = Json.text(body, "pull_request", "base", "ref");
    String headUrl = Json.optText(body, "pull_request", "head", "repo", "clone_url");
    // A fork deleted since the request was opened shows as a null head repository.
    RepoId headRepo = headUrl == null ? null : RepoId.of(headUrl);
    return new PullRequestEvent(target, number, action, head, headBranch, headRepo, base, "refs/pull/" + number + "/head",
        Json.optText(body, "pull_request", "title"), Json.optText(body, "pull_request", "html_url"), provider, delivery);
  }

  private static long number(JsonNode body) {
    JsonNode number = body.get("number");
    if (number == null || !number.canConvertToLong() || number.asLong() < 1) {
      number = Json.at(body, "pull_request", "number");
    }
    if (number == null || !number.canConvertToLong() || number.asLong() < 1) {
      throw new PayloadException("$.number", "is missing or not a positive number");
    }
    return number.asLong();
  }

  /** GitHub's and Gitea's {@code action} words; null for actions that change nothing a preview shows. */
  static PullRequestAction githubAction(String action, JsonNode body) {
    if (action == null) {
      throw new PayloadException("$.action", "is missing or not a string");
    }
    return switch (action) {
      case "opened", "reopened" -> PullRequestAction.OPENED;
      // "edited" covers a new target branch; "synchronize" (GitHub) / "synchronized" (Gitea) new commits.
      case "synchronize", "synchronized", "edited" -> PullRequestAction.UPDATED;
      case "closed" -> PullRequestAction.CLOSED;
      default -> "closed".equals(Json.optText(body, "pull_request", "state")) ? PullRequestAction.CLOSED : null;
    };
  }
}

package dev.capstan.webhook.event;

import java.util.Objects;

/**
 * "Pull request N of repository X, from branch H into branch B, now has head commit C": what every
 * provider's pull-request (merge-request) event becomes once verified.
 *
 * @param repository the target repository (where the request will merge), normalised
 * @param number the host's number for the request (GitLab's {@code iid}, Bitbucket's {@code id})
 * @param action opened, updated or closed
 * @param headCommit the head commit as the payload names it; Bitbucket Cloud sends a 12-digit
 *     abbreviation, so the full SHA is what fetching {@link #headRef()} resolves to
 * @param headBranch the source branch's name
 * @param headRepository the repository the source branch lives in: {@code repository} itself, or a fork
 * @param baseBranch the target branch's name, e.g. {@code main}
 * @param headRef a ref of the <em>target</em> repository that holds the head, when the host keeps one
 *     ({@code refs/pull/N/head} on GitHub and Gitea, {@code refs/merge-requests/N/head} on GitLab, also
 *     for forks), else the source branch for a same-repository request, else null (a Bitbucket fork)
 * @param title the request's title, for display
 * @param webUrl the request's page, for links; may be null
 * @param provider which host sent it
 * @param deliveryId the host's id for this delivery ("" if it sent none)
 */
public record PullRequestEvent(
    RepoId repository,
    long number,
    PullRequestAction action,
    String headCommit,
    String headBranch,
    RepoId headRepository,
    String baseBranch,
    String headRef,
    String title,
    String webUrl,
    Provider provider,
    String deliveryId) {

  public PullRequestEvent {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(headCommit, "headCommit");
    Objects.requireNonNull(baseBranch, "baseBranch");
    Objects.requireNonNull(provider, "provider");
    headRepository = headRepository == null ? repository : headRepository;
    title = title == null ? "" : title;
    deliveryId = deliveryId == null ? "" : deliveryId;
  }

  /** Whether the source branch lives in another repository than the target. */
  public boolean fromFork() {
    return !headRepository.equals(repository);
  }

  /** The target branch as a full ref, {@code refs/heads/main}. */
  public String baseRef() {
    return "refs/heads/" + baseBranch;
  }

  /** {@code github.com/acme/shop#12}, for logs and keys. */
  public String id() {
    return repository + "#" + number;
  }
}

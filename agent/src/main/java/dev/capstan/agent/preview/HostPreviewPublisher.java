package dev.capstan.agent.preview;

import dev.capstan.agent.status.HostAccess;
import dev.capstan.commitstatus.CommentLimit;
import dev.capstan.commitstatus.CommitState;
import dev.capstan.commitstatus.CommitStatus;
import dev.capstan.commitstatus.PreviewComment;
import dev.capstan.commitstatus.PullRequestComments;
import dev.capstan.commitstatus.RetryPolicy;
import dev.capstan.commitstatus.StatusReporter;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.List;

/**
 * Shows previews on the Git host: the one comment per pull request (created, then edited in place)
 * and a commit status per Application on the head commit, context {@code capstan-preview/<app>}
 * (apart from the deploy statuses, {@code capstan/<app>}). Both go out asynchronously with their
 * own retries; a host that is down delays them, never a preview or a sync. A repository on a host
 * without a token gets nothing.
 */
public final class HostPreviewPublisher implements PreviewPublisher, AutoCloseable {
  private final HostAccess access;
  private final PullRequestComments comments;
  private final StatusReporter statuses;

  public HostPreviewPublisher(HostAccess access, RetryPolicy retries) {
    this.access = access;
    this.comments = new PullRequestComments(retries);
    this.statuses = new StatusReporter(retries);
  }

  @Override
  public void publish(PullRequestEvent pr, String headCommit, List<AppPreview> previews) {
    access.forRepository(pr.repository()).ifPresent(grant -> {
      for (AppPreview preview : previews) {
        statuses.report(grant.target(), grant.token(), new CommitStatus(headCommit,
            preview.succeeded() ? CommitState.SUCCESS : CommitState.FAILURE, preview.summary(), null,
            "capstan-preview/" + preview.application()));
      }
      int limit = CommentLimit.of(grant.target().provider()) - PullRequestComments.MARKER.length() - 1;
      String body = PreviewComment.markdown(headCommit, previews.stream().map(AppPreview::section).toList(), limit);
      comments.upsert(grant.target(), grant.token(), pr.number(), body);
    });
  }

  @Override
  public void closed(PullRequestEvent pr) {
    access.forRepository(pr.repository()).ifPresent(grant -> comments.forget(grant.target(), pr.number()));
  }

  @Override
  public void close() {
    comments.close();
  }
}

/**
 * Commit statuses back to the Git host after a deploy, so a reviewer sees on the commit whether it
 * is live: {@link dev.capstan.commitstatus.StatusReporter} posts a
 * {@link dev.capstan.commitstatus.CommitStatus} to GitHub's statuses API, GitLab's commit status
 * API, Gitea's statuses API or Bitbucket Cloud's build status API, asynchronously, with retries on
 * server errors and rate limits honoured. It never throws into, or waits inside, a deploy.
 *
 * <p>For pull-request previews, {@link dev.capstan.commitstatus.PullRequestComments} keeps one comment
 * per pull request (created once, then edited in place, found again by a hidden marker), and
 * {@link dev.capstan.commitstatus.PreviewComment} writes its Markdown from
 * {@link dev.capstan.commitstatus.PreviewSection}s within each host's {@link dev.capstan.commitstatus.CommentLimit}.
 */
package dev.capstan.commitstatus;

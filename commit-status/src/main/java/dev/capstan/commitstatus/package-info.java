/**
 * Commit statuses back to the Git host after a deploy, so a reviewer sees on the commit whether it
 * is live: {@link dev.capstan.commitstatus.StatusReporter} posts a
 * {@link dev.capstan.commitstatus.CommitStatus} to GitHub's statuses API, GitLab's commit status
 * API, Gitea's statuses API or Bitbucket Cloud's build status API, asynchronously, with retries on
 * server errors and rate limits honoured. It never throws into, or waits inside, a deploy.
 */
package dev.capstan.commitstatus;

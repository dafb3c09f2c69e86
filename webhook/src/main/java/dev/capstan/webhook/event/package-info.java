/**
 * What a Git host's delivery means, independent of the host. Each provider's parser reads its own
 * payload shape (GitHub, GitLab, Gitea/Forgejo/Gogs, Bitbucket Cloud, Capstan's generic one) into a
 * {@link dev.capstan.webhook.event.ParsedDelivery}: pushes become
 * {@link dev.capstan.webhook.event.PushEvent}s with a {@link dev.capstan.webhook.event.RepoId} that
 * matches every clone URL of the repository, pull requests (merge requests) become
 * {@link dev.capstan.webhook.event.PullRequestEvent}s, pings are recognised, and any other event is
 * marked ignored. Changed paths are reported only when the payload lists all of them; otherwise they are
 * {@link dev.capstan.webhook.event.ChangedPaths#unknown() unknown} and the agent must assume
 * everything changed.
 */
package dev.capstan.webhook.event;

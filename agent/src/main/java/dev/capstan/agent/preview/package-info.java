/**
 * Previews of pull requests: what merging one would do to the cluster, shown on the request before
 * anyone merges it. {@link dev.capstan.agent.preview.PullRequestPreviews} takes verified
 * pull-request events from the webhook into a bounded, latest-wins queue worked by its own few
 * threads; {@link dev.capstan.agent.preview.PullRequestMatch} picks the Applications that opted in
 * ({@code spec.preview}) and whose folder the request touches (paths from
 * {@link dev.capstan.agent.preview.GitPullRequestSources}, a JGit tree diff of the fetched head and
 * target branch); {@link dev.capstan.agent.preview.Previewer} renders, checks and dry-run diffs each,
 * read-only, in the Application's own cluster ({@link dev.capstan.agent.preview.PreviewCluster}, through
 * the {@code ClusterTargets} the syncs use); {@link dev.capstan.agent.preview.HostPreviewPublisher} posts the one comment and the
 * statuses; {@link dev.capstan.agent.preview.PreviewStore} keeps the latest per open request for
 * {@code GET /api/v1/previews}.
 */
package dev.capstan.agent.preview;

/**
 * The agent's live activity, for people watching: what each application is doing now (a sync in
 * progress), its recent events, and a signal to subscribers whenever either or its status changes.
 * {@link dev.capstan.agent.feed.ActivityFeed} is fed by decorators of the agent's own
 * {@link dev.capstan.agent.status.EventRecorder} and {@link dev.capstan.agent.status.StatusSink}, so
 * it sees exactly what the agent reports and costs nothing while nothing happens; the dashboard's
 * event stream subscribes to it.
 */
package dev.capstan.agent.feed;

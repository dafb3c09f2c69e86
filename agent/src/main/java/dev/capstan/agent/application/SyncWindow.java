package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A window opened by a cron schedule for a duration; {@code deny} windows hold automated syncs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncWindow(
    @Required @JsonPropertyDescription("deny or allow.") Kind kind,
    @Required @JsonPropertyDescription("Standard five-field cron expression, e.g. \"0 22 * * *\".") String schedule,
    @Required @JsonPropertyDescription("How long the window stays open, e.g. 8h.") String duration,
    @JsonPropertyDescription("Time zone of the schedule; default UTC.") String timeZone) {

  /** What a window does to automated syncs while it is open. */
  public enum Kind {
    deny,
    allow
  }
}

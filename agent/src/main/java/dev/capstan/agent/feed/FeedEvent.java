package dev.capstan.agent.feed;

/** One event the agent recorded on an application, as Kubernetes Events carry it; {@code time} in ISO-8601. */
public record FeedEvent(String time, Type type, String reason, String message) {
  /** Kubernetes' two Event types. */
  public enum Type {
    Normal,
    Warning
  }
}

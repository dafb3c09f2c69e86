package dev.capstan.commitstatus;

/**
 * How reporting a commit status ended. Reporting never throws into the deploy: a status that could
 * not be delivered is a result with {@code delivered == false} and a reason, for the agent to log.
 *
 * @param httpStatus the last response's status, 0 if no response arrived
 */
public record StatusResult(boolean delivered, int attempts, int httpStatus, String detail) {
  static StatusResult delivered(int attempts, int httpStatus) {
    return new StatusResult(true, attempts, httpStatus, "delivered");
  }

  static StatusResult failed(int attempts, int httpStatus, String detail) {
    return new StatusResult(false, attempts, httpStatus, detail);
  }
}

package dev.capstan.git.fetch;

/** Something a successful fetch wants the operator to know. */
public record Notice(Kind kind, String message) {
  public enum Kind {
    /** {@code http://} or {@code git://}: not encrypted. */
    INSECURE_TRANSPORT,
    /** The cached copy was corrupt or cut off and has been fetched again. */
    CACHE_RECOVERED,
    /** The ref was force-pushed or the tag moved. */
    HISTORY_REWRITTEN
  }

  @Override
  public String toString() {
    return message;
  }
}

package dev.capstan.git.source;

/** The transports Capstan accepts, with whether they protect credentials and content in transit. */
public enum Scheme {
  HTTPS(true),
  HTTP(false),
  SSH(true),
  GIT(false),
  FILE(true);

  private final boolean encryptedOrLocal;

  Scheme(boolean encryptedOrLocal) {
    this.encryptedOrLocal = encryptedOrLocal;
  }

  /** False for {@code http://} and {@code git://}: anyone on the path can read or alter the content. */
  public boolean encryptedOrLocal() {
    return encryptedOrLocal;
  }
}

package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationException;

/**
 * A source's {@code secretRef} holds credentials that may not be used for it: no {@code url} key, a
 * {@code url} that does not cover the source, or a password for plain {@code http://} to a host that
 * is not loopback. Nothing was sent; the Application stalls until the Secret or the spec changes.
 */
final class CredentialsRefusedException extends ApplicationException {
  CredentialsRefusedException(String where, String message) {
    super(where, message);
  }
}

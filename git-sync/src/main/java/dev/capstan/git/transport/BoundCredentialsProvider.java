package dev.capstan.git.transport;

import dev.capstan.git.auth.CredentialScope;
import dev.capstan.git.source.Scheme;
import java.util.Locale;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A user name and password that JGit gets only for URIs in their scope. JGit asks with the URI it is
 * talking to at that moment, which after a redirect is the new one.
 */
final class BoundCredentialsProvider extends UsernamePasswordCredentialsProvider {
  private final CredentialScope scope;

  BoundCredentialsProvider(String username, String password, CredentialScope scope) {
    super(username, password);
    this.scope = scope;
  }

  @Override
  public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
    return inScope(uri) && super.get(uri, items);
  }

  private boolean inScope(URIish uri) {
    if (uri == null || uri.getScheme() == null) {
      return false;
    }
    Scheme scheme = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
      case "https" -> Scheme.HTTPS;
      case "http" -> Scheme.HTTP;
      case "ssh" -> Scheme.SSH;
      default -> null;
    };
    return scheme != null && scope.sameOrigin(scheme, uri.getHost(), uri.getPort());
  }
}

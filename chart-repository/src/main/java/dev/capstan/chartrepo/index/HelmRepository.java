package dev.capstan.chartrepo.index;

import dev.capstan.chartrepo.http.Credentials;
import java.net.URI;

/**
 * A Helm HTTP repository: its URL (where {@code index.yaml} lives) and the credentials sent to that
 * URL's origin only (as Helm without {@code --pass-credentials}: chart URLs on another host get none).
 */
public record HelmRepository(URI url, Credentials credentials) {
  public HelmRepository {
    String s = url.toString();
    url = URI.create(s.endsWith("/") ? s : s + "/");
    if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new IllegalArgumentException("a Helm repository URL is http:// or https://, not " + s);
    }
    if (url.getUserInfo() != null) {
      throw new IllegalArgumentException("put credentials in --username/--password, not in the repository URL");
    }
  }

  public static HelmRepository of(String url) {
    return new HelmRepository(URI.create(url), Credentials.NONE);
  }

  public HelmRepository withCredentials(Credentials c) {
    return new HelmRepository(url, c);
  }

  public URI indexUrl() {
    return url.resolve("index.yaml");
  }

  /** A chart URL from the index, resolved against the repository URL when relative. */
  public URI resolve(String chartUrl) {
    return url.resolve(chartUrl);
  }
}

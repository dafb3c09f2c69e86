/**
 * The wire under every chart source: {@link dev.capstan.chartrepo.http.HttpTransport} (java.net.http
 * with byte caps, origin-bound credentials across redirects, one-line errors),
 * {@link dev.capstan.chartrepo.http.TransportOptions} (Helm's {@code --ca-file},
 * {@code --insecure-skip-tls-verify}, {@code --plain-http}, size caps),
 * {@link dev.capstan.chartrepo.http.Credentials} and
 * {@link dev.capstan.chartrepo.http.SourceException}. Knows HTTP, not charts.
 */
package dev.capstan.chartrepo.http;

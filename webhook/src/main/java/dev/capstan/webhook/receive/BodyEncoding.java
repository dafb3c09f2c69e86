package dev.capstan.webhook.receive;

import dev.capstan.webhook.event.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * How a delivery's JSON arrives. Every provider can send {@code application/json}; GitHub's form
 * setting, its default in the web UI, sends {@code application/x-www-form-urlencoded} with the JSON in
 * the {@code payload} field. GitHub signs the body as sent, so the signature is checked on the raw
 * bytes and only the JSON is handed to the parser.
 */
enum BodyEncoding {
  JSON,
  FORM;

  /** The encoding a delivery declares, if this provider may send it. */
  static Optional<BodyEncoding> of(Provider provider, String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    int semicolon = contentType.indexOf(';');
    String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    if (mime.equals("application/json")) {
      return Optional.of(JSON);
    }
    if (mime.equals("application/x-www-form-urlencoded") && provider == Provider.GITHUB) {
      return Optional.of(FORM);
    }
    return Optional.empty();
  }

  /** The JSON bytes of a body in this encoding; empty when a form has no {@code payload} field. */
  Optional<byte[]> json(byte[] body) {
    if (this == JSON) {
      return Optional.of(body);
    }
    Fields fields = new Fields();
    try {
      UrlEncoded.decodeUtf8To(new String(body, StandardCharsets.ISO_8859_1), fields);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    Fields.Field payload = fields.get("payload");
    return payload == null ? Optional.empty() : Optional.of(payload.getValue().getBytes(StandardCharsets.UTF_8));
  }
}

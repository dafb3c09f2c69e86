package dev.capstan.agent.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the agent's HTTP answers: JSON bodies, and errors as {@code {"error": "..."}}. */
final class Replies {
  static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The same mapping on one line, for server-sent events, where a newline ends the data. */
  static final ObjectMapper COMPACT_JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Replies() {}

  static boolean json(Response response, Callback callback, int status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      return text(response, callback, 500, "cannot write the answer: " + e.getOriginalMessage());
    }
    return rawJson(response, callback, status, new String(bytes, StandardCharsets.UTF_8));
  }

  /** A body that is already JSON text. */
  static boolean rawJson(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  static boolean error(Response response, Callback callback, int status, String message) {
    return json(response, callback, status, Map.of("error", message));
  }

  static boolean text(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}

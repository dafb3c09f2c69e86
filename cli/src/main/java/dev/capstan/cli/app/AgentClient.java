package dev.capstan.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to a running agent's {@code /api/v1}; every failure becomes one line naming the server. */
final class AgentClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  AgentClient(URI server, String token) {
    this.server = server;
    this.token = token;
  }

  JsonNode get(String path) {
    return tree(send(request(path).GET()));
  }

  String getText(String path) {
    return send(request(path).GET());
  }

  JsonNode post(String path, Object body) {
    try {
      return tree(send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    } catch (IOException e) {
      throw new CapstanException("--server " + server, "cannot write the request: " + e.getMessage(), e);
    }
  }

  private JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new CapstanException("--server " + server, "the agent answered something that is not JSON", e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve("/api/v1/" + path)).timeout(Duration.ofMinutes(2));
    if (token != null && !token.isBlank()) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private String send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CapstanException("--server " + server, "no agent answers there (is `capstan agent` running?)", e);
    } catch (IOException e) {
      throw new CapstanException("--server " + server, "request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CapstanException("--server " + server, "interrupted", e);
    }
    if (response.statusCode() >= 400) {
      String error = errorOf(response.body());
      throw new CapstanException(server.resolve(request.build().uri().getPath()).toString(), response.statusCode() + ": " + error);
    }
    return response.body();
  }

  private static String errorOf(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node.path("error").asText(node.path("heldBecause").asText(body));
    } catch (IOException e) {
      return body;
    }
  }
}

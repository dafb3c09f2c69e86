package dev.capstan.commitstatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.core.Secret;
import dev.capstan.webhook.event.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Builds the one HTTP request each host's API wants for a commit status:
 * <ul>
 *   <li>GitHub: {@code POST /repos/{owner}/{repo}/statuses/{sha}}, {@code Authorization: Bearer}</li>
 *   <li>GitLab: {@code POST /projects/{url-encoded path}/statuses/{sha}}, {@code PRIVATE-TOKEN}</li>
 *   <li>Gitea/Forgejo: {@code POST /repos/{owner}/{repo}/statuses/{sha}}, {@code Authorization: token}</li>
 *   <li>Bitbucket Cloud: {@code POST /repositories/{workspace}/{slug}/commit/{sha}/statuses/build},
 *       {@code Authorization: Bearer} for access tokens, Basic for {@code user:app-password}</li>
 * </ul>
 */
final class StatusRequests {
  /** Bitbucket keys a build status by at most 40 characters. */
  private static final int BITBUCKET_KEY_LENGTH = 40;

  private final ObjectMapper json = new ObjectMapper();
  private final Duration timeout;

  StatusRequests(Duration timeout) {
    this.timeout = timeout;
  }

  HttpRequest build(StatusTarget target, CommitStatus status, Secret token) {
    ObjectNode body = json.createObjectNode();
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
        .header("Content-Type", "application/json").header("User-Agent", "capstan");
    String base = target.apiBase().toString();
    String link = status.targetUrl() == null ? null : status.targetUrl().toString();
    switch (target.provider()) {
      case GITHUB -> {
        authorize(request.uri(URI.create(base + "/repos/" + target.repositoryPath() + "/statuses/" + status.commit())),
            target.provider(), token);
        common(body, target, status, link, "target_url", "context");
      }
      case GITLAB -> {
        String project = URLEncoder.encode(target.repositoryPath(), StandardCharsets.UTF_8);
        authorize(request.uri(URI.create(base + "/projects/" + project + "/statuses/" + status.commit())), target.provider(), token);
        common(body, target, status, link, "target_url", "name");
      }
      case GITEA -> {
        authorize(request.uri(URI.create(base + "/repos/" + target.repositoryPath() + "/statuses/" + status.commit())),
            target.provider(), token);
        common(body, target, status, link, "target_url", "context");
      }
      case BITBUCKET -> {
        authorize(request.uri(URI.create(base + "/repositories/" + target.repositoryPath() + "/commit/" + status.commit()
            + "/statuses/build")), target.provider(), token);
        String key = status.context().length() > BITBUCKET_KEY_LENGTH ? status.context().substring(0, BITBUCKET_KEY_LENGTH) : status.context();
        body.put("key", key).put("name", status.context());
        common(body, target, status, link, "url", null);
      }
      case GENERIC -> throw new IllegalArgumentException("no status API for " + target);
    }
    return request.POST(HttpRequest.BodyPublishers.ofByteArray(encode(body))).build();
  }

  private static void common(ObjectNode body, StatusTarget target, CommitStatus status, String link, String linkField, String contextField) {
    body.put("state", stateName(target.provider(), status.state()));
    if (link != null) {
      body.put(linkField, link);
    }
    body.put("description", status.description());
    if (contextField != null) {
      body.put(contextField, status.context());
    }
  }

  /** Each host's word for the state; GitLab says "failed", Bitbucket shouts. */
  static String stateName(Provider provider, CommitState state) {
    return switch (provider) {
      case GITLAB -> state == CommitState.FAILURE ? "failed" : state.name().toLowerCase(Locale.ROOT);
      case BITBUCKET -> switch (state) {
        case PENDING -> "INPROGRESS";
        case SUCCESS -> "SUCCESSFUL";
        case FAILURE -> "FAILED";
      };
      default -> state.name().toLowerCase(Locale.ROOT);
    };
  }

  /** Each host's authentication header (and GitHub's API version), shared by statuses and comments. */
  static HttpRequest.Builder authorize(HttpRequest.Builder request, Provider provider, Secret token) {
    return switch (provider) {
      case GITHUB -> request.header("Authorization", "Bearer " + token.reveal())
          .header("Accept", "application/vnd.github+json")
          .header("X-GitHub-Api-Version", "2022-11-28");
      case GITLAB -> request.header("PRIVATE-TOKEN", token.reveal());
      case GITEA -> request.header("Authorization", "token " + token.reveal());
      case BITBUCKET -> request.header("Authorization", bitbucketAuthorization(token));
      case GENERIC -> throw new IllegalArgumentException("no API for the generic provider");
    };
  }

  private static String bitbucketAuthorization(Secret token) {
    String value = token.reveal();
    return value.contains(":")
        ? "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        : "Bearer " + value;
  }

  private byte[] encode(ObjectNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON object node", e);
    }
  }
}

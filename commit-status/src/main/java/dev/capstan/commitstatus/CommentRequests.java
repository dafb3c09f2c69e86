package dev.capstan.commitstatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.core.Secret;
import dev.capstan.webhook.event.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests each host's API wants to list, create and edit the comments of a pull request:
 * <ul>
 *   <li>GitHub: {@code /repos/{owner}/{repo}/issues/{n}/comments}, edit {@code PATCH /repos/{owner}/{repo}/issues/comments/{id}}</li>
 *   <li>GitLab: {@code /projects/{path}/merge_requests/{iid}/notes}, edit {@code PUT …/notes/{id}}</li>
 *   <li>Gitea/Forgejo: as GitHub, paged by {@code limit}</li>
 *   <li>Bitbucket Cloud: {@code /repositories/{workspace}/{slug}/pullrequests/{id}/comments}, the text in
 *       {@code content.raw}, edit {@code PUT …/comments/{id}}</li>
 * </ul>
 */
final class CommentRequests {
  /** A comment as listed: its id and body. */
  record HostComment(String id, String body) {}

  /** Comments asked for per page; Gitea caps its pages at 50. */
  static final int PAGE_SIZE = 50;

  private final ObjectMapper json = new ObjectMapper();
  private final Duration timeout;

  CommentRequests(Duration timeout) {
    this.timeout = timeout;
  }

  HttpRequest list(StatusTarget target, Secret token, long number, int page) {
    String paging = switch (target.provider()) {
      case GITHUB, GITLAB -> "?per_page=" + PAGE_SIZE + "&page=" + page;
      case GITEA -> "?limit=" + PAGE_SIZE + "&page=" + page;
      case BITBUCKET -> "?pagelen=" + PAGE_SIZE + "&page=" + page;
      case GENERIC -> throw new IllegalArgumentException("no comments API for " + target);
    };
    return base(target, token, URI.create(collection(target, number) + paging)).GET().build();
  }

  HttpRequest create(StatusTarget target, Secret token, long number, String body) {
    return base(target, token, URI.create(collection(target, number)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload(target, body))).build();
  }

  HttpRequest edit(StatusTarget target, Secret token, long number, String id, String body) {
    String base = target.apiBase() + "";
    URI uri = switch (target.provider()) {
      case GITHUB, GITEA -> URI.create(base + "/repos/" + target.repositoryPath() + "/issues/comments/" + id);
      case GITLAB, BITBUCKET -> URI.create(collection(target, number) + "/" + id);
      case GENERIC -> throw new IllegalArgumentException("no comments API for " + target);
    };
    HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(payload(target, body));
    HttpRequest.Builder request = base(target, token, uri);
    return (switch (target.provider()) {
      case GITHUB, GITEA -> request.method("PATCH", publisher);
      default -> request.PUT(publisher);
    }).build();
  }

  /** The comments on one page of a listing. */
  List<HostComment> comments(StatusTarget target, String responseBody) {
    JsonNode root = read(responseBody);
    JsonNode items = target.provider() == Provider.BITBUCKET ? root.path("values") : root;
    List<HostComment> out = new ArrayList<>();
    for (JsonNode item : items) {
      out.add(new HostComment(item.path("id").asText(), text(target, item)));
    }
    return out;
  }

  /** Whether a listing has another page after the one read. */
  boolean hasNextPage(StatusTarget target, String responseBody, int itemsOnPage) {
    if (target.provider() == Provider.BITBUCKET) {
      return read(responseBody).hasNonNull("next");
    }
    return itemsOnPage >= PAGE_SIZE;
  }

  /** The id of a comment just created. */
  String createdId(String responseBody) {
    JsonNode id = read(responseBody).path("id");
    if (id.isMissingNode() || id.isNull()) {
      throw new IllegalStateException("the host answered without a comment id");
    }
    return id.asText();
  }

  private static String text(StatusTarget target, JsonNode item) {
    return target.provider() == Provider.BITBUCKET
        ? item.path("content").path("raw").asText("") : item.path("body").asText("");
  }

  private String collection(StatusTarget target, long number) {
    String base = target.apiBase().toString();
    return switch (target.provider()) {
      case GITHUB, GITEA -> base + "/repos/" + target.repositoryPath() + "/issues/" + number + "/comments";
      case GITLAB -> base + "/projects/" + URLEncoder.encode(target.repositoryPath(), StandardCharsets.UTF_8)
          + "/merge_requests/" + number + "/notes";
      case BITBUCKET -> base + "/repositories/" + target.repositoryPath() + "/pullrequests/" + number + "/comments";
      case GENERIC -> throw new IllegalArgumentException("no comments API for " + target);
    };
  }

  private HttpRequest.Builder base(StatusTarget target, Secret token, URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json").header("User-Agent", "capstan");
    return StatusRequests.authorize(request, target.provider(), token);
  }

  private byte[] payload(StatusTarget target, String body) {
    ObjectNode node = json.createObjectNode();
    if (target.provider() == Provider.BITBUCKET) {
      node.putObject("content").put("raw", body);
    } else {
      node.put("body", body);
    }
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON object node", e);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the host answered with JSON that does not parse: " + e.getOriginalMessage());
    }
  }
}

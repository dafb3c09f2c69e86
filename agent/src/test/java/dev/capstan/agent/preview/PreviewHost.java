package dev.capstan.agent.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Git host as {@link PullRequestPreviewIT} plays it: the pull-request payloads it sends
 * (hand-written from each host's webhook documentation), how it signs them, the ref it keeps a
 * request's head under, and the shape of its comment and status API as WireMock sees the agent's
 * calls.
 */
enum PreviewHost {
  GITHUB("github", "success", "failure"),
  GITLAB("gitlab", "success", "failed"),
  GITEA("gitea", "success", "failure"),
  BITBUCKET("bitbucket", "SUCCESSFUL", "FAILED");

  static final String SECRET = "pr-webhook-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  final String path;
  final String success;
  final String failure;

  PreviewHost(String path, String success, String failure) {
    this.path = path;
    this.success = success;
    this.failure = failure;
  }

  /** What the host calls opening, pushing to and closing a request. */
  enum Act { OPEN, PUSH, CLOSE }

  /** The environment that points the agent's status and comment client for this host at {@code apiUrl}. */
  String environmentPrefix() {
    return "CAPSTAN_STATUS_" + name();
  }

  /** The ref of the target repository that holds request {@code number}'s head (Bitbucket Cloud: the source branch). */
  String headRef(long number, String branch) {
    return switch (this) {
      case GITHUB, GITEA -> "refs/pull/" + number + "/head";
      case GITLAB -> "refs/merge-requests/" + number + "/head";
      case BITBUCKET -> "refs/heads/" + branch;
    };
  }

  /** The comment listing the agent reads when it does not know its comment yet: none there. */
  String emptyCommentList() {
    return this == BITBUCKET ? "{\"values\": []}" : "[]";
  }

  /**
   * A signed delivery of a pull-request event: request {@code number} of {@code repo} from
   * {@code branch} (of {@code headRepo}, a fork when it differs) into main, now at {@code head}.
   */
  HttpRequest.Builder delivery(HttpRequest.Builder request, String repo, long number, Act act, String head, String branch,
      String headRepo) {
    String body = switch (this) {
      case GITHUB, GITEA -> githubLike(repo, number, act, head, branch, headRepo);
      case GITLAB -> gitlab(repo, number, act, head, branch, headRepo);
      case BITBUCKET -> bitbucket(repo, number, act, head, branch, headRepo);
    };
    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    return switch (this) {
      case GITHUB -> request.header("X-GitHub-Event", "pull_request").header("X-Hub-Signature-256", "sha256=" + hmac(body));
      case GITEA -> request.header("X-Gitea-Event", "pull_request").header("X-Gitea-Signature", hmac(body));
      case GITLAB -> request.header("X-Gitlab-Event", "Merge Request Hook").header("X-Gitlab-Token", SECRET);
      case BITBUCKET -> request.header("X-Event-Key", switch (act) {
        case OPEN -> "pullrequest:created";
        case PUSH -> "pullrequest:updated";
        case CLOSE -> "pullrequest:fulfilled";
      }).header("X-Hub-Signature", "sha256=" + hmac(body));
    };
  }

  /** A GitHub {@code push} to main, signed. */
  static HttpRequest.Builder githubPush(HttpRequest.Builder request, String repo, String after) {
    ObjectNode body = JSON.createObjectNode().put("ref", "refs/heads/main").put("after", after);
    body.putObject("repository").put("clone_url", repo);
    String text = body.toString();
    return request.header("Content-Type", "application/json").header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", "sha256=" + hmac(text)).POST(HttpRequest.BodyPublishers.ofString(text));
  }

  private static String githubLike(String repo, long number, Act act, String head, String branch, String headRepo) {
    ObjectNode body = JSON.createObjectNode().put("action", switch (act) {
      case OPEN -> "opened";
      case PUSH -> "synchronize";
      case CLOSE -> "closed";
    }).put("number", number);
    ObjectNode pr = body.putObject("pull_request").put("number", number).put("title", "change " + number)
        .put("state", act == Act.CLOSE ? "closed" : "open").put("html_url", "https://example.test/pull/" + number);
    pr.putObject("head").put("ref", branch).put("sha", head).putObject("repo").put("clone_url", headRepo);
    pr.putObject("base").put("ref", "main").putObject("repo").put("clone_url", repo);
    body.putObject("repository").put("clone_url", repo);
    return body.toString();
  }

  private static String gitlab(String repo, long number, Act act, String head, String branch, String headRepo) {
    ObjectNode body = JSON.createObjectNode().put("object_kind", "merge_request").put("event_type", "merge_request");
    body.putObject("project").put("path_with_namespace", "acme/deploy").put("git_http_url", repo);
    ObjectNode attributes = body.putObject("object_attributes").put("iid", number).put("title", "change " + number)
        .put("state", act == Act.CLOSE ? "merged" : "opened").put("action", switch (act) {
          case OPEN -> "open";
          case PUSH -> "update";
          case CLOSE -> "merge";
        }).put("source_branch", branch).put("target_branch", "main")
        .put("url", "https://example.test/-/merge_requests/" + number);
    attributes.putObject("source").put("git_http_url", headRepo);
    attributes.putObject("target").put("git_http_url", repo);
    attributes.putObject("last_commit").put("id", head);
    return body.toString();
  }

  /** Bitbucket Cloud names commits by a 12-digit abbreviation, and repositories by their page. */
  private static String bitbucket(String repo, long number, Act act, String head, String branch, String headRepo) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode pr = body.putObject("pullrequest").put("id", number).put("title", "change " + number)
        .put("state", act == Act.CLOSE ? "MERGED" : "OPEN");
    pr.putObject("links").putObject("html").put("href", "https://example.test/pull-requests/" + number);
    ObjectNode source = pr.putObject("source");
    source.putObject("branch").put("name", branch);
    source.putObject("commit").put("hash", head.substring(0, 12));
    source.putObject("repository").putObject("links").putObject("html").put("href", headRepo);
    ObjectNode destination = pr.putObject("destination");
    destination.putObject("branch").put("name", "main");
    destination.putObject("repository").putObject("links").putObject("html").put("href", repo);
    body.putObject("repository").putObject("links").putObject("html").put("href", repo);
    return body.toString();
  }

  /** The Markdown of a comment the agent sent. */
  String commentBody(String requestBody) throws Exception {
    JsonNode node = JSON.readTree(requestBody);
    return this == BITBUCKET ? node.path("content").path("raw").asText() : node.path("body").asText();
  }

  /** The context of a status the agent sent ({@code capstan-preview/web}). */
  String statusContext(JsonNode status) {
    return switch (this) {
      case GITHUB, GITEA -> status.path("context").asText();
      case GITLAB, BITBUCKET -> status.path("name").asText();
    };
  }

  /** Whether {@code path} creates or lists the comments of request {@code number}. */
  boolean isCommentCollection(String path, long number) {
    return path.matches(".*/(issues|merge_requests|pullrequests)/" + number + "/(comments|notes)");
  }

  /** Whether {@code path} sets a status on {@code sha}. */
  boolean isStatusOf(String path, String sha) {
    return path.endsWith("/statuses/" + sha) || path.endsWith("/commit/" + sha + "/statuses/build");
  }

  private static String hmac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

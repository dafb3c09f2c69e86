package dev.capstan.commitstatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import dev.capstan.webhook.event.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewCommentTest {
  private static final String HEAD = "9f4e2a7c1b3d5e6f708192a3b4c5d6e7f8091a2b";
  private static final String WEB_DIFF = """
      --- Deployment/shop/web (live)
      +++ Deployment/shop/web (desired)
      @@ -8 +8 @@
      -  replicas: 2
      +  replicas: 4
      """;

  @Test
  void aSummaryTableThenOneFoldedDiffPerApplication() {
    String markdown = PreviewComment.markdown(HEAD, List.of(
        new PreviewSection("shop-web", 0, 1, 0, null, WEB_DIFF),
        new PreviewSection("shop-cache", 0, 0, 0, null, ""),
        PreviewSection.failed("shop-api", "templates/deployment.yaml:14: unknown function \"fulname\" | see chart")),
        CommentLimit.of(Provider.GITHUB));
    Golden.assertMatches("preview-comment.md", markdown);
  }

  @Test
  void aHeadThatNoLongerTouchesAnyApplicationSaysSo() {
    assertThat(PreviewComment.markdown(HEAD, List.of(), CommentLimit.of(Provider.GITLAB)))
        .endsWith("nothing was applied).\n\nThis head changes no Application that has previews on; nothing to show.\n");
  }

  @Test
  void pastTheLimitDiffsAreCutWithANoteAndTheMarkdownStaysClosed() {
    StringBuilder big = new StringBuilder("--- ConfigMap/shop/big (live)\n+++ ConfigMap/shop/big (desired)\n");
    for (int i = 0; i < 4000; i++) {
      big.append("+  key-").append(i).append(": value with ``` backticks\n");
    }
    String markdown = PreviewComment.markdown(HEAD, List.of(
        new PreviewSection("big", 1, 0, 0, null, big.toString()),
        new PreviewSection("shop-web", 0, 1, 0, null, WEB_DIFF)), CommentLimit.of(Provider.BITBUCKET));
    assertThat(markdown.length() + PullRequestComments.MARKER.length() + 1).isLessThanOrEqualTo(CommentLimit.of(Provider.BITBUCKET));
    assertThat(markdown).contains("big: 1 to create, 0 to change, 0 to delete (cut)");
    assertThat(markdown).contains("left out or cut: big (cut), shop-web.");
    assertThat(markdown.split("<details>", -1)).hasSize(2);
    assertThat(markdown.split("</details>", -1)).hasSize(2);
    // The fence is longer than the backticks inside the diff, and it is closed.
    assertThat(markdown.split("````diff", -1)).hasSize(2);
    assertThat(markdown).contains("… (cut)\n````\n");
    Golden.assertMatches("preview-comment-cut-tail.md", markdown.substring(markdown.indexOf("… (cut)")));
  }

  @Test
  void lintFindingsAreCountedInTheTableAndListedAsLintPrintsThem() {
    String warning = "web/templates/service.yaml:8: warning: Service/web: spec.selector: selects none of the pods this chart renders";
    String error = "api/templates/deployment.yaml:18: error: Deployment/api: spec.template.spec.containers[0].imagePullPolicyy:"
        + " unknown field \"imagePullPolicyy\"";
    String markdown = PreviewComment.markdown(HEAD, List.of(
        new PreviewSection("shop-web", 0, 1, 0, null, WEB_DIFF, List.of(warning), 0),
        new PreviewSection("shop-api", 0, 0, 0, "lint: " + error, "", List.of(error, warning.replace("web/", "api/")), 1)),
        CommentLimit.of(Provider.GITEA));
    assertThat(markdown).contains("| shop-web | 0 | 1 | 0 | ok, 1 lint warning |");
    Golden.assertMatches("preview-comment-lint.md", markdown);
  }

  @Test
  void lintFindingsCountAgainstTheLimitToo() {
    List<PreviewSection> sections = new java.util.ArrayList<>();
    for (int app = 0; app < 40; app++) {
      List<String> lint = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        lint.add("app-" + app + "/templates/t" + i + ".yaml:1: warning: " + "x".repeat(400));
      }
      sections.add(new PreviewSection("app-" + app, 0, 1, 0, null, WEB_DIFF, lint, 0));
    }
    String markdown = PreviewComment.markdown(HEAD, sections, CommentLimit.of(Provider.BITBUCKET));
    assertThat(markdown.length() + PullRequestComments.MARKER.length() + 1).isLessThanOrEqualTo(CommentLimit.of(Provider.BITBUCKET));
    assertThat(markdown).contains("| app-39 | 0 | 1 | 0 | ok, 30 lint warnings |")
        .contains("**app-0**: `capstan lint` found 0 errors, 30 warnings")
        .contains("… and 10 more\n")
        .contains("> The lint findings and diffs exceed this host's comment limit (32768 characters): left out or cut: ")
        .contains("app-39 (lint)").doesNotContain("<details>");
  }
}

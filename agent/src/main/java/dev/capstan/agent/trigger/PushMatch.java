package dev.capstan.agent.trigger;

import dev.capstan.agent.application.Source;
import dev.capstan.core.CapstanException;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.event.RepoId;
import java.util.Locale;

/**
 * Whether a push concerns an application: same repository (any of its URL spellings), a ref the
 * application follows, and, when the payload lists changed paths, a change under its folder. A
 * monorepo push that touches another app's folder therefore wakes only that app.
 */
public final class PushMatch {
  private PushMatch() {}

  public static boolean matches(Source source, PushEvent push) {
    if (push.isDeletion() || !sameRepository(source.repoURL(), push.repository())) {
      return false;
    }
    if (!followsRef(source.ref(), push)) {
      return false;
    }
    String path = source.path() == null ? "" : source.path().replaceAll("^/+|/+$", "");
    return !push.changedPaths().known() || path.isEmpty() || push.changedPaths().touches(path);
  }

  static boolean followsRef(String ref, PushEvent push) {
    if (ref == null || ref.isBlank() || ref.equals("HEAD")) {
      return push.isBranch();
    }
    if (ref.equals(push.ref()) || ref.equals(push.shortRef())) {
      return true;
    }
    if (ref.matches("[0-9a-f]{40}")) {
      return false;
    }
    // A semver range follows every tag push; the fetch decides whether the new tag is in range.
    return push.isTag() && ref.matches(".*[<>=~^*xX].*");
  }

  public static boolean sameRepository(String repoURL, RepoId pushed) {
    try {
      return RepoId.of(repoURL).equals(pushed);
    } catch (CapstanException | IllegalArgumentException e) {
      // file:// and other host-less URLs: compare the cleaned text, as the generic webhook sends it.
      return clean(repoURL).equals(clean(pushed.value()));
    }
  }

  private static String clean(String url) {
    String s = url.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z+]+://", "");
    s = s.replaceAll("/+$", "");
    return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
  }
}

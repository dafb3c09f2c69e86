package dev.capstan.commitstatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown of a pull request's preview comment: a summary table (Application, objects to create,
 * change and delete, the error if any, how many lint warnings), each Application's lint findings, then
 * each Application's diff folded in a {@code <details>} block. Past the host's limit ({@link CommentLimit}) the diffs are cut, the Markdown stays well
 * formed (fences and blocks closed), and a note says what was left out and where to see it whole.
 */
public final class PreviewComment {
  /** Kept free for the marker, the truncation note and the closing of a cut block. */
  private static final int RESERVE = 600;
  /** A cut diff shorter than this is not worth showing; the block is left out instead. */
  private static final int SMALLEST_CUT = 400;
  /** Lint findings listed per Application; the rest are counted. */
  private static final int MAX_LINT_LINES = 20;
  /** A lint finding longer than this is cut: a message quoting a huge value must not eat the comment. */
  private static final int MAX_LINT_LINE = 300;

  private PreviewComment() {}

  /**
   * @param headCommit the commit previewed
   * @param limit the host's limit in characters, for the whole comment
   */
  public static String markdown(String headCommit, List<PreviewSection> sections, int limit) {
    StringBuilder out = new StringBuilder();
    out.append("### Capstan preview of ").append(code(shortSha(headCommit))).append("\n\n");
    out.append("What merging this pull request would do to the cluster, per Application (a server-side dry run;"
        + " nothing was applied).\n\n");
    if (sections.isEmpty()) {
      return out.append("This head changes no Application that has previews on; nothing to show.\n").toString();
    }
    out.append("| Application | Create | Change | Delete | Result |\n|---|---:|---:|---:|---|\n");
    for (PreviewSection s : sections) {
      out.append("| ").append(cell(s.application())).append(" | ");
      if (s.succeeded()) {
        out.append(s.create()).append(" | ").append(s.change()).append(" | ").append(s.delete()).append(" | ")
            .append(s.inSync() ? "in sync" : "ok").append(warnings(s)).append(" |\n");
      } else {
        out.append("– | – | – | **failed**: ").append(cell(s.error())).append(" |\n");
      }
    }
    int budget = limit - RESERVE;
    List<String> omitted = new ArrayList<>();
    for (PreviewSection s : sections) {
      if (s.lint().isEmpty()) {
        continue;
      }
      String block = lint(s);
      if (omitted.isEmpty() && out.length() + block.length() <= budget) {
        out.append(block);
      } else {
        omitted.add(s.application() + " (lint)");
      }
    }
    boolean lintLeftOut = !omitted.isEmpty();
    for (PreviewSection s : sections) {
      if (s.diff().isEmpty()) {
        continue;
      }
      if (!omitted.isEmpty()) {
        omitted.add(s.application());
        continue;
      }
      String block = details(s, s.diff(), false);
      if (out.length() + block.length() <= budget) {
        out.append(block);
        continue;
      }
      int room = budget - out.length() - details(s, "", true).length();
      if (room >= SMALLEST_CUT) {
        out.append(details(s, cut(s.diff(), room), true));
        omitted.add(s.application() + " (cut)");
      } else {
        omitted.add(s.application());
      }
    }
    if (!omitted.isEmpty()) {
      out.append(lintLeftOut ? "\n> The lint findings and diffs exceed" : "\n> The diffs exceed").append(" this host's comment limit (").append(limit).append(" characters): left out or cut: ")
          .append(cell(String.join(", ", omitted))).append(". Run `capstan diff --revision ").append(shortSha(headCommit))
          .append("` or read `GET /api/v1/previews` for the whole diff.\n");
    }
    return out.toString();
  }

  private static String warnings(PreviewSection s) {
    int n = s.lintWarnings();
    return n == 0 ? "" : ", " + n + " lint warning" + (n == 1 ? "" : "s");
  }

  /** {@code capstan lint}'s findings for one Application, as it prints them, in a block of their own. */
  private static String lint(PreviewSection s) {
    StringBuilder text = new StringBuilder();
    s.lint().stream().limit(MAX_LINT_LINES)
        .forEach(line -> text.append(line.length() > MAX_LINT_LINE ? line.substring(0, MAX_LINT_LINE) + "…" : line).append('\n'));
    if (s.lint().size() > MAX_LINT_LINES) {
      text.append("… and ").append(s.lint().size() - MAX_LINT_LINES).append(" more\n");
    }
    String fence = fence(text.toString());
    return "\n**" + html(s.application()) + "**: `capstan lint` found " + count(s.lintErrors(), "error") + ", "
        + count(s.lintWarnings(), "warning") + "\n\n" + fence + "\n" + text + fence + "\n";
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String details(PreviewSection s, String diff, boolean cut) {
    String fence = fence(diff);
    return "\n<details><summary>" + html(s.application()) + ": " + s.create() + " to create, " + s.change() + " to change, "
        + s.delete() + " to delete" + (cut ? " (cut)" : "") + "</summary>\n\n" + fence + "diff\n" + diff
        + (diff.endsWith("\n") || diff.isEmpty() ? "" : "\n") + (cut ? "… (cut)\n" : "") + fence + "\n\n</details>\n";
  }

  /** The diff up to {@code room} characters, ending at a line break. */
  private static String cut(String diff, int room) {
    int end = diff.lastIndexOf('\n', Math.min(room, diff.length()) - 1);
    return end <= 0 ? "" : diff.substring(0, end + 1);
  }

  /** A code fence longer than any run of backticks in the text, so a diff cannot close it early. */
  private static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static String cell(String text) {
    return html(text.replace("\r", " ").replace("\n", " ")).replace("|", "\\|");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}

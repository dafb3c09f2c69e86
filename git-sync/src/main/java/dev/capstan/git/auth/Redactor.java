package dev.capstan.git.auth;

import dev.capstan.core.Secret;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Masks credentials in text that leaves git-sync (log lines, error messages, results). Transports
 * and JGit put URLs in their messages, and a URL may carry {@code user:password@}; the known secret
 * values of a source are masked wherever they appear as well.
 */
public final class Redactor {
  // scheme://user:password@host  ->  scheme://user:***@host ; scheme://token@host keeps only the user part
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/@:\\s]*):[^@/\\s]*@");

  private Redactor() {
  }

  /** Replaces the password part of every URL in {@code text} with {@code ***}. */
  public static String maskUrlCredentials(String text) {
    if (text == null) {
      return null;
    }
    return URL_PASSWORD.matcher(text).replaceAll("$1:***@");
  }

  /** Masks URL passwords and every occurrence of the given secret values. */
  public static String mask(String text, Collection<Secret> secrets) {
    String out = maskUrlCredentials(text);
    if (out == null) {
      return null;
    }
    for (Secret s : secrets) {
      if (s != null && s.reveal().length() >= 4) {
        out = out.replace(s.reveal(), "***");
      }
    }
    return out;
  }
}

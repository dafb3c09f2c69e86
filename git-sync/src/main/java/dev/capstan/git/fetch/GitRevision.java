package dev.capstan.git.fetch;

import dev.capstan.git.verify.SignatureStatus;
import java.time.Instant;

/**
 * One commit a source resolved to, with what an operator wants to see about it.
 *
 * @param sha full commit id
 * @param ref the ref it came from ({@code refs/heads/main}, {@code refs/tags/v1.2.0}, or the SHA asked for)
 * @param author who wrote the change
 * @param committer who committed it
 * @param time commit time
 * @param subject first line of the message
 * @param signature signature status under the source's policy: the commit's, or under verify mode {@code Tag}
 *     the annotated tag's the ref names (what was verified)
 */
public record GitRevision(String sha, String ref, Person author, Person committer, Instant time, String subject,
    SignatureStatus signature) {

  public String shortSha() {
    return sha.substring(0, 12);
  }

  @Override
  public String toString() {
    return ref + "@" + shortSha() + " \"" + subject + "\" by " + author.name();
  }
}

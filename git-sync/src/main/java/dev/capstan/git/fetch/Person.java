package dev.capstan.git.fetch;

import java.time.Instant;
import org.eclipse.jgit.lib.PersonIdent;

/** An author or committer line of a commit. */
public record Person(String name, String email, Instant when) {
  static Person of(PersonIdent ident) {
    return new Person(ident.getName(), ident.getEmailAddress(), ident.getWhenAsInstant());
  }

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}

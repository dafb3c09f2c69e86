package dev.capstan.git.fetch;

import dev.capstan.git.resolve.RefQuery;
import dev.capstan.git.verify.VerificationPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Refs the cache keeps for itself: the last commit each ref query resolved to, and the last commit
 * that passed each verification policy. Being refs, they keep those commits' objects in the cache
 * (nothing is ever pruned from under them) and the integrity check covers them.
 */
final class StateRefs {
  private StateRefs() {
  }

  static String resolved(RefQuery query) {
    return "refs/capstan/resolved/" + hash(query.kind() + ":" + query.value());
  }

  static String verified(RefQuery query, VerificationPolicy policy) {
    return "refs/capstan/verified/" + hash(query.kind() + ":" + query.value() + ":" + policy.identity());
  }

  static Optional<ObjectId> read(Repository repo, String name) throws IOException {
    Ref ref = repo.exactRef(name);
    return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId());
  }

  static void write(Repository repo, String name, ObjectId id) throws IOException {
    RefUpdate update = repo.updateRef(name);
    update.setNewObjectId(id);
    RefUpdate.Result r = update.forceUpdate();
    switch (r) {
      case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> { }
      default -> throw new IOException("cannot update " + name + ": " + r);
    }
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.capstan.git.resolve;

import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/** Picks the advertised ref a {@link RefQuery} means. Branches win over tags of the same name, as in git. */
public final class RefResolver {

  /** The matching ref, or empty when the server does not have it (deleted branch, missing tag). */
  public Optional<RemoteRef> resolve(RefQuery query, Map<String, Ref> advertised) {
    return switch (query.kind()) {
      case NAME -> first(advertised, "refs/heads/" + query.value(), "refs/tags/" + query.value());
      case FULL_REF -> first(advertised, query.value());
      case COMMIT -> Optional.of(new RemoteRef(query.value(), ObjectId.fromString(query.value()),
          ObjectId.fromString(query.value())));
      case SEMVER -> highest(RefQuery.semverRange(query.value()), advertised);
    };
  }

  private static Optional<RemoteRef> first(Map<String, Ref> advertised, String... names) {
    for (String name : names) {
      Ref ref = advertised.get(name);
      if (ref != null && ref.getObjectId() != null) {
        return Optional.of(toRemote(ref));
      }
    }
    return Optional.empty();
  }

  private static Optional<RemoteRef> highest(SemVerRange range, Map<String, Ref> advertised) {
    record Candidate(SemVer version, Ref ref) {
    }
    return advertised.values().stream()
        .filter(r -> r.getName().startsWith("refs/tags/") && !r.getName().endsWith("^{}"))
        .flatMap(r -> SemVer.parseTag(r.getName().substring("refs/tags/".length()))
            .filter(range::matches).map(v -> new Candidate(v, r)).stream())
        .max(Comparator.comparing(Candidate::version))
        .map(c -> toRemote(c.ref()));
  }

  private static RemoteRef toRemote(Ref ref) {
    ObjectId commit = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
    return new RemoteRef(ref.getName(), ref.getObjectId(), commit);
  }
}

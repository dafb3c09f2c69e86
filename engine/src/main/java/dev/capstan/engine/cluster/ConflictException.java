package dev.capstan.engine.cluster;

import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Server-side apply found fields owned by another manager. Capstan only takes them with
 * {@code --force-conflicts}; the message names each manager and field.
 */
public class ConflictException extends ObjectException {
  private final transient List<FieldConflict> conflicts;

  public ConflictException(ObjectRef ref, List<FieldConflict> conflicts, Throwable cause) {
    super(ref, describe(conflicts), cause);
    this.conflicts = List.copyOf(conflicts);
  }

  public List<FieldConflict> conflicts() {
    return conflicts;
  }

  private static String describe(List<FieldConflict> conflicts) {
    return conflicts.stream()
        .map(c -> "field " + c.field() + " is owned by field manager \"" + c.manager() + "\"")
        .collect(Collectors.joining("; "))
        + " (use --force-conflicts to take ownership)";
  }
}

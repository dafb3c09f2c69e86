package dev.capstan.engine.resource;

/** One entry of a {@link ChangeSet}. */
public record Change(ObjectRef ref, Action action) {
  @Override
  public String toString() {
    return ref + " " + action.name().toLowerCase(java.util.Locale.ROOT);
  }
}

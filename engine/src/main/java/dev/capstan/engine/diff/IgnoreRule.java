package dev.capstan.engine.diff;

import com.fasterxml.jackson.core.JsonPointer;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.resource.ObjectRef;

/**
 * A field the diff (and the no-change check) leaves out for one kind, as a JSON Pointer, e.g.
 * {@code /spec/replicas} on Deployments an autoscaler scales.
 *
 * @param group the API group, empty for the core group, {@code *} for any
 * @param kind the kind, {@code *} for any
 */
public record IgnoreRule(String group, String kind, JsonPointer pointer) {

  /** Parses {@code [group/]Kind:/json/pointer}, e.g. {@code apps/Deployment:/spec/replicas}. */
  public static IgnoreRule parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new CapstanException("ignore rule \"" + text + "\"", "expected [group/]Kind:/json/pointer");
    }
    String groupKind = text.substring(0, colon);
    int slash = groupKind.lastIndexOf('/');
    String group = slash < 0 ? "*" : groupKind.substring(0, slash);
    String kind = groupKind.substring(slash + 1);
    try {
      return new IgnoreRule(group, kind, JsonPointer.compile(text.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new CapstanException("ignore rule \"" + text + "\"", "invalid JSON Pointer: " + e.getMessage());
    }
  }

  public boolean appliesTo(ObjectRef ref) {
    return ("*".equals(group) || group.equals(ref.group())) && ("*".equals(kind) || kind.equals(ref.kind()));
  }
}

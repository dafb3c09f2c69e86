package dev.capstan.engine.resource;

import dev.capstan.core.kinds.KindOrder;
import java.util.Comparator;

/**
 * Object references in {@link KindOrder}, then by namespace and name: forward for apply, the exact
 * reverse for prune and uninstall. The kinds' order itself lives in {@link KindOrder}, shared with
 * the renderer's output.
 */
public final class RefOrder {
  private static final Comparator<ObjectRef> INSTALL = KindOrder.byKind(ObjectRef::kind)
      .thenComparing(ref -> ref.namespace() == null ? "" : ref.namespace())
      .thenComparing(ObjectRef::name);

  private RefOrder() {}

  public static Comparator<ObjectRef> install() {
    return INSTALL;
  }

  /** The exact reverse of {@link #install()}, for prune and uninstall. */
  public static Comparator<ObjectRef> uninstall() {
    return INSTALL.reversed();
  }
}

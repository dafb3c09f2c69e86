package dev.capstan.chart.template;

import io.pebbletemplates.pebble.attributes.methodaccess.MethodAccessValidator;
import io.pebbletemplates.pebble.node.ForNode;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Denies every Java method call from a template except a map entry's {@code key}/{@code value}
 * (what {@code for} over a map yields). Maps and lists are read through Pebble's own map and list
 * resolvers and Capstan's objects through {@link TemplateApiResolver}, none of which calls a method
 * of the template's choosing, so {@code "x".getClass()}, {@code values.getClass()} or
 * {@code values.clear()} all fail.
 */
final class SandboxMethodAccess implements MethodAccessValidator {
  /** {@code loop.index}, {@code loop.first}, … inside {@code for}: Pebble's own loop state, read-only. */
  private static final Set<String> LOOP_GETTERS = Set.of("isFirst", "isLast", "getIndex", "getLength", "getRevindex");

  @Override
  public boolean isMethodAccessAllowed(Object object, Method method) {
    if (method.getParameterCount() != 0) {
      return false;
    }
    if (object instanceof ForNode.LoopVariables) {
      return LOOP_GETTERS.contains(method.getName());
    }
    return object instanceof Map.Entry<?, ?> && (method.getName().equals("getKey") || method.getName().equals("getValue"));
  }
}

package dev.capstan.chart.template;

import io.pebbletemplates.pebble.attributes.methodaccess.MethodAccessValidator;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Denies every Java method call from a template except a map entry's {@code key}/{@code value}
 * (what {@code for} over a map yields). Maps and lists are read through Pebble's own map and list
 * resolvers and Capstan's objects through {@link TemplateApiResolver}, none of which calls a method
 * of the template's choosing, so {@code "x".getClass()}, {@code values.getClass()} or
 * {@code values.clear()} all fail.
 */
final class SandboxMethodAccess implements MethodAccessValidator {
  @Override
  public boolean isMethodAccessAllowed(Object object, Method method) {
    return object instanceof Map.Entry<?, ?>
        && method.getParameterCount() == 0
        && (method.getName().equals("getKey") || method.getName().equals("getValue"));
  }
}

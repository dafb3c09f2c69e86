package dev.capstan.chart.template;

import io.pebbletemplates.pebble.attributes.methodaccess.MethodAccessValidator;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Denies every Java method call from a template except the ones this package marks
 * {@link TemplateCallable} and a map entry's {@code key}/{@code value} (what {@code for} over a
 * map yields). Maps and lists are read through Pebble's own map/list resolvers, which call no
 * method of the template's choosing, so {@code "x".getClass()}, {@code values.getClass()} or
 * {@code values.clear()} all fail with "method access denied".
 */
final class SandboxMethodAccess implements MethodAccessValidator {
  @Override
  public boolean isMethodAccessAllowed(Object object, Method method) {
    if (method.isAnnotationPresent(TemplateCallable.class)
        && method.getDeclaringClass().getPackage() == SandboxMethodAccess.class.getPackage()) {
      return true;
    }
    return object instanceof Map.Entry<?, ?>
        && method.getParameterCount() == 0
        && (method.getName().equals("getKey") || method.getName().equals("getValue"));
  }
}

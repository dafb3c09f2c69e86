package dev.capstan.testsupport;

import dev.capstan.localcluster.LocalApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The injection both annotations share: per test class a {@link KubeEnv} (fresh namespace, client)
 * on the server the subclass provides; fields and parameters of type {@link KubernetesClient} and
 * {@link KubeEnv} are filled from it. Static fields are filled before {@code @BeforeAll}, instance
 * fields when the instance is created; a field already holding a value is left alone.
 */
abstract class KubeExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(KubeExtension.class);

  /** The shared server, started on first use and closed when the whole test run ends. */
  abstract LocalApiServer server(ExtensionContext root);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    inject(null, env(context), context.getRequiredTestClass(), true);
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
    inject(instance, env(context), instance.getClass(), false);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == KubeEnv.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    KubeEnv env = env(context);
    return parameter.getParameter().getType() == KubeEnv.class ? env : env.client();
  }

  private KubeEnv env(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    LocalApiServer server = server(context.getRoot());
    return classContext.getStore(STORE).getOrComputeIfAbsent(
        KubeEnv.class.getName() + "/" + testClass.getName(),
        key -> new KubeEnv(server, "it-" + testClass.getSimpleName()), KubeEnv.class);
  }

  private static void inject(Object instance, KubeEnv env, Class<?> type, boolean statics)
      throws IllegalAccessException {
    for (Field field : ReflectionSupport.findFields(type,
        f -> Modifier.isStatic(f.getModifiers()) == statics && !Modifier.isFinal(f.getModifiers())
            && (f.getType() == KubernetesClient.class || f.getType() == KubeEnv.class),
        HierarchyTraversalMode.TOP_DOWN)) {
      field.setAccessible(true);
      if (field.get(instance) == null) {
        field.set(instance, field.getType() == KubeEnv.class ? env : env.client());
      }
    }
  }
}

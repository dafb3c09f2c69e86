package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.git.fetch.GitRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A renderer without charts: an app at a commit renders one ConfigMap {@code <release>-config} whose
 * message is the commit's subject, plus any extra objects given. Commits can be made not to render.
 */
public final class FakeCharts implements AppRenderer {
  private final Map<String, String> broken = new ConcurrentHashMap<>();
  private final List<DesiredObject> extra = new CopyOnWriteArrayList<>();
  private final AtomicInteger renders = new AtomicInteger();

  /** Rendering {@code sha} fails with {@code message}. */
  public void breakAt(String sha, String message) {
    broken.put(sha, message);
  }

  /** Every render also yields {@code object}, from template {@code source}. */
  public void alsoRender(String source, Map<String, Object> object) {
    extra.add(new DesiredObject(source, object));
  }

  public int renders() {
    return renders.get();
  }

  @Override
  public DesiredState render(Application app, AppInputs inputs) {
    GitRevision revision = inputs.revision().git();
    renders.incrementAndGet();
    if (broken.containsKey(revision.sha())) {
      throw new CapstanException("demo/templates/configmap.yaml:3", broken.get(revision.sha()));
    }
    String release = AppChart.releaseName(app);
    List<DesiredObject> objects = new ArrayList<>();
    objects.add(new DesiredObject("demo/templates/configmap.yaml", configMap(release + "-config", revision.subject())));
    objects.addAll(extra);
    return new DesiredState(release, app.getSpec().destination().namespace(), "demo", "0.1.0",
        Map.of("message", revision.subject()), objects, null, revision.sha());
  }

  public static Map<String, Object> configMap(String name, String message) {
    return Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", name), "data", Map.of("message", message));
  }

  static Set<String> clusterKinds() {
    return Set.of("ClusterRole", "Namespace", "CustomResourceDefinition");
  }
}

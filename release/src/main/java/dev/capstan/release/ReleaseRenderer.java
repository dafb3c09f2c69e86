package dev.capstan.release;

import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.Renderer;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import java.util.List;
import java.util.Map;

/**
 * The one adapter from a chart (or a folder of plain manifests) to the engine's {@link DesiredState}.
 * It renders a chart as the release's next revision, as Helm does: {@code .Release.Revision} is the number the sync will record (one
 * past the newest kept revision, 1 for a new release) and {@code .Release.IsUpgrade} is true once
 * the release has any history. Thread-safe; reuse one per process (the renderer caches compiled
 * templates).
 */
public final class ReleaseRenderer {
  private final Renderer renderer;

  public ReleaseRenderer(Renderer renderer) {
    this.renderer = renderer;
  }

  public ReleaseRenderer() {
    this(new Renderer());
  }

  /** Renders {@code input} as the next revision of its release in {@code store}. */
  public DesiredState render(ReleaseStore store, ReleaseInput input) {
    return render(input, nextRevision(store, input));
  }

  /**
   * The options {@code input} renders with as the next revision of its release in {@code store}
   * (what its templates see as {@code .Release}), for actions that render it otherwise, as lint does.
   */
  public static RenderOptions nextRevision(ReleaseStore store, ReleaseInput input) {
    return nextRevision(store.list(input.namespace(), input.release()), input);
  }

  /** As {@link #nextRevision(ReleaseStore, ReleaseInput)}, after {@code history}: the release's kept revisions, oldest first. */
  public static RenderOptions nextRevision(List<ReleaseRevision> history, ReleaseInput input) {
    int next = history.isEmpty() ? 1 : history.get(history.size() - 1).number() + 1;
    return options(input, next, !history.isEmpty());
  }

  /** Renders {@code input} as revision {@code revision}; {@code upgrade} is what templates see as {@code .Release.IsUpgrade}. */
  public DesiredState render(ReleaseInput input, int revision, boolean upgrade) {
    return render(input, options(input, revision, upgrade));
  }

  private static RenderOptions options(ReleaseInput input, int revision, boolean upgrade) {
    return input.render().withReleaseName(input.release()).withNamespace(input.namespace()).withRevision(revision)
        .withUpgrade(upgrade);
  }

  private DesiredState render(ReleaseInput input, RenderOptions options) {
    RenderResult result = renderer.render(input.chart(), options, input.userValues());
    List<DesiredObject> objects = result.manifests().stream().map(m -> new DesiredObject(m.source(), m.object())).toList();
    return new DesiredState(input.release(), input.namespace(), result.chart().name(), result.chart().version(),
        result.values(), objects, result.notes(), input.gitCommit());
  }

  /**
   * Plain manifests as the release's desired state, as they are: nothing is templated, so there are
   * no values, no notes and no chart version; the history names the folder where a chart's name goes.
   */
  public DesiredState render(ManifestsInput input) {
    List<DesiredObject> objects = input.manifests().stream().map(m -> new DesiredObject(m.source(), m.object())).toList();
    return new DesiredState(input.release(), input.namespace(), input.name(), null, Map.of(), objects, "", input.gitCommit());
  }
}

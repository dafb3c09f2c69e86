package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Destination;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.engine.diff.DiffOptions;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.Differ;
import dev.capstan.engine.history.Revision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.StoredManifest;
import dev.capstan.engine.plan.Planner;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.git.cache.CachedRepository;
import dev.capstan.git.read.FolderSnapshot;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/** Turns an Application at a Git revision into the engine's desired state, and compares it with the cluster. */
final class ReleaseRender {
  private final AgentContext ctx;

  ReleaseRender(AgentContext ctx) {
    this.ctx = ctx;
  }

  DesiredState render(Application app, dev.capstan.git.fetch.Revision revision) {
    CachedRepository repo = ctx.cache().repository(SourceOf.of(app, ctx.credentialsDir()).url());
    String path = app.getSpec().source().path() == null ? "" : app.getSpec().source().path();
    FolderSnapshot snapshot = ctx.reader().read(repo.repository(), ObjectId.fromString(revision.sha()), path);
    SnapshotChartFiles files = new SnapshotChartFiles(snapshot, repo.repository(), ctx.reader());
    Chart chart = ChartLoader.load(files, path.isEmpty() ? app.getMetadata().getName() : path);
    Destination destination = app.getSpec().destination();
    RenderOptions options = RenderOptions.defaults()
        .withReleaseName(releaseName(app))
        .withNamespace(destination.namespace());
    RenderResult result = ctx.metrics().render().record(
        () -> ctx.renderer().render(chart, options, UserValues.load(AppValues.of(app, files), ValuesOptions.none())));
    List<DesiredObject> objects = result.manifests().stream()
        .map(m -> new DesiredObject(m.source(), m.object()))
        .toList();
    return new DesiredState(releaseName(app), destination.namespace(), result.chart().name(), result.chart().version(),
        result.values(), objects, result.notes(), revision.sha());
  }

  DiffReport diff(DesiredState desired) {
    List<ObjectRef> previous = ctx.store().list(desired.namespace(), desired.release()).stream()
        .filter(r -> r.status() == RevisionStatus.DEPLOYED)
        .max(Comparator.comparingInt(Revision::number))
        .map(r -> r.manifests().stream().map(StoredManifest::object).map(ObjectRef::of).toList())
        .orElse(List.of());
    return new Differ(ctx.cluster(), DiffOptions.defaults().withForceConflicts(true)).diff(new Planner(ctx.cluster()).plan(desired), previous);
  }

  static String releaseName(Application app) {
    String name = app.getSpec().destination().releaseName();
    return name == null || name.isBlank() ? app.getMetadata().getName() : name;
  }
}

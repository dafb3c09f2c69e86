package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.loop.PassControl;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.core.CapstanException;

/**
 * The cleanup path of an Application deleted with {@link Application#RESOURCES_FINALIZER}: whatever
 * trigger brought it here (drift from the deletions themselves included), delete what its release
 * deployed and the history, then let the deletion finish. Nothing of the sync path runs. A failure is
 * retried with the app's back-off.
 */
final class Deletion {
  private final AgentContext ctx;
  private final StatusSink sink;

  Deletion(AgentContext ctx, StatusSink sink) {
    this.ctx = ctx;
    this.sink = sink;
  }

  PassControl run(Application app) {
    if (app.getSpec() == null || app.getSpec().destination() == null || app.getSpec().destination().namespace() == null) {
      sink.released(app); // a spec this broken never deployed anything
      return PassControl.done();
    }
    String namespace = app.getSpec().destination().namespace();
    String release = AppSlot.releaseName(app);
    try {
      // Once deleted, the watch events of the deletions bring the app here again: nothing left to do then.
      if (!ctx.releases().history(namespace, release).isEmpty()) {
        int objects = ctx.releases().uninstall(namespace, release).changes().size();
        ctx.events().normal(app, "ResourcesDeleted", "deleted " + objects + " object(s) and the history of release " + namespace + "/" + release);
      }
    } catch (CapstanException e) {
      ctx.events().warning(app, "DeleteFailed", e.getMessage());
      return PassControl.retryWithBackOff();
    }
    sink.released(app);
    return PassControl.done();
  }
}

package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * What should run, and from where: a chart folder at a Git ref, rendered with values, applied into a
 * namespace. The same document is accepted from a file or as a resource in the cluster; the CRD in
 * {@code charts/capstan/crds/} is generated from this class.
 */
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind("Application")
@Plural("applications")
// Not "app": Argo CD owns that short name, and clusters often run both during a migration.
@ShortNames({"capp"})
public class Application extends CustomResource<ApplicationSpec, ApplicationStatus> implements Namespaced {
  public static final String GROUP = "capstan.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  /**
   * With this finalizer, deleting the Application first deletes what it deployed and its history, as
   * Argo CD's {@code resources-finalizer.argocd.argoproj.io} does; without it the objects stay.
   */
  public static final String RESOURCES_FINALIZER = GROUP + "/resources";

  /** Whether the Application is being deleted and waits for the agent to delete what it deployed. */
  @JsonIgnore
  public boolean deletingResources() {
    return getMetadata() != null && getMetadata().getDeletionTimestamp() != null
        && getMetadata().getFinalizers() != null && getMetadata().getFinalizers().contains(RESOURCES_FINALIZER);
  }
}

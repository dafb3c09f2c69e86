package dev.capstan.agent.application;

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
}

package dev.capstan.agent.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.agent.Suspension;
import dev.capstan.agent.UnknownApplicationException;
import dev.capstan.agent.application.Application;
import dev.capstan.core.CapstanException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Optional;

/**
 * Suspends and resumes Application resources with one JSON merge patch of {@code spec.suspend}, as
 * {@code flux suspend} and {@code flux resume} patch theirs. The watch brings the change back to the
 * agent like any edit; the patch touches nothing else of the resource.
 */
public final class ApplicationSuspender implements Suspension {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public ApplicationSuspender(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  @Override
  public void set(Application app, boolean suspend) {
    String name = app.getMetadata().getName();
    String namespace = app.getMetadata().getNamespace();
    if (namespace == null) {
      throw new CapstanException("Application/" + name, Suspension.IN_FILES);
    }
    ObjectNode patch = JSON.createObjectNode();
    patch.putObject("spec").put("suspend", suspend);
    try {
      client.resources(Application.class).inNamespace(namespace).withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new UnknownApplicationException(name);
      }
      String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
      throw new CapstanException("Application/" + namespace + "/" + name, "cannot set spec.suspend: " + why, e);
    }
  }
}

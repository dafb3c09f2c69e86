package dev.capstan.engine.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Stands in for the controllers a bare API server lacks, writing status through the status
 * subresource as envtest users do: Deployments roll out at once unless their image contains
 * {@code broken} (then their progress deadline is exceeded) or {@code stuck} (then no replica ever
 * becomes available); Jobs complete unless annotated
 * {@code test.capstan.dev/outcome: fail}.
 */
public final class FakeControllers implements AutoCloseable {
  private final KubernetesClient client;
  private final List<SharedIndexInformer<?>> informers;

  public FakeControllers(KubernetesClient client, String namespace) {
    this.client = client;
    SharedIndexInformer<Deployment> deployments =
        client.apps().deployments().inNamespace(namespace).inform(handler(this::rollOut), 0);
    SharedIndexInformer<Job> jobs = client.batch().v1().jobs().inNamespace(namespace).inform(handler(this::finish), 0);
    this.informers = List.of(deployments, jobs);
  }

  private void rollOut(Deployment d) {
    long generation = d.getMetadata().getGeneration();
    if (d.getStatus() != null && Objects.equals(d.getStatus().getObservedGeneration(), generation)) {
      return;
    }
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    boolean broken = d.getSpec().getTemplate().getSpec().getContainers().stream().anyMatch(c -> c.getImage().contains("broken"));
    boolean stuck = d.getSpec().getTemplate().getSpec().getContainers().stream().anyMatch(c -> c.getImage().contains("stuck"));
    DeploymentStatus status = stuck
        ? new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
            .withUpdatedReplicas(replicas).withAvailableReplicas(0).build()
        : broken
        ? new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas).withUpdatedReplicas(0)
            .withConditions(deploymentCondition()).build()
        : new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
            .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas).build();
    d.setStatus(status);
    quietly(() -> client.apps().deployments().resource(d).updateStatus());
  }

  private static DeploymentCondition deploymentCondition() {
    return new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
        .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet has timed out progressing.")
        .withLastUpdateTime(Instant.now().toString()).withLastTransitionTime(Instant.now().toString()).build();
  }

  private void finish(Job job) {
    if (job.getStatus() != null && job.getStatus().getConditions() != null && !job.getStatus().getConditions().isEmpty()) {
      return;
    }
    boolean fail = "fail".equals(job.getMetadata().getAnnotations() == null ? null
        : job.getMetadata().getAnnotations().get("test.capstan.dev/outcome"));
    String now = Instant.now().toString();
    JobStatusBuilder status = new JobStatusBuilder().withStartTime(now);
    if (fail) {
      status.withFailed(1).withConditions(jobCondition("FailureTarget", now), jobCondition("Failed", now));
    } else {
      status.withSucceeded(1).withCompletionTime(now)
          .withConditions(jobCondition("SuccessCriteriaMet", now), jobCondition("Complete", now));
    }
    job.setStatus(status.build());
    quietly(() -> client.batch().v1().jobs().resource(job).updateStatus());
  }

  private static JobCondition jobCondition(String type, String now) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason("Test").withMessage("set by the test")
        .withLastProbeTime(now).withLastTransitionTime(now).build();
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (KubernetesClientException e) {
      // a newer version arrived meanwhile: its own event will come through
    }
  }

  private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
  }
}

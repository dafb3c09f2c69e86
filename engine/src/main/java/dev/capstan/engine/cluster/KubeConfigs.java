package dev.capstan.engine.cluster;

import dev.capstan.core.CapstanException;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where every command finds its cluster, as kubectl does: {@code --kubeconfig} when given, else
 * {@code $KUBECONFIG}, {@code ~/.kube/config} or the in-cluster service account; {@code --context}
 * picks a context.
 */
public final class KubeConfigs {
  /** Retries of a failed request inside the client: 100 ms then 200 ms, for a dropped connection. */
  static final int CLIENT_RETRIES = 2;

  private KubeConfigs() {}

  public static Config load(Path kubeconfig, String context) {
    if (kubeconfig == null) {
      return tuned(Config.autoConfigure(context));
    }
    try {
      return tuned(Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString()));
    } catch (IOException e) {
      throw new CapstanException("--kubeconfig " + kubeconfig, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * fabric8 retries a request answered with a 5xx ten times with exponential back-off, about 19 s in
   * all, while the calling thread waits. An API server that refuses a write with a 500 ("failed to
   * allocate a serviceIP: range is full") refuses it again, so the user waits for nothing and then
   * sees the error late; the agent has its own back-off per application. Like kubectl, fail fast.
   */
  public static Config tuned(Config config) {
    config.setRequestRetryBackoffLimit(CLIENT_RETRIES);
    return config;
  }
}

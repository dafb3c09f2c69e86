package dev.capstan.cli;

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
  private KubeConfigs() {}

  public static Config load(Path kubeconfig, String context) {
    if (kubeconfig == null) {
      return Config.autoConfigure(context);
    }
    try {
      return Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
    } catch (IOException e) {
      throw new CapstanException("--kubeconfig " + kubeconfig, "cannot read: " + e.getMessage(), e);
    }
  }
}

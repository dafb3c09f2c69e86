package dev.capstan.localcluster;

import dev.capstan.core.CapstanException;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Writes a self-contained kubeconfig (certificates inlined) for the local API server, so a copy
 * handed to {@code kubectl}, {@code bin/capstan} or the agent works from any folder.
 */
final class Kubeconfig {
  static final String CONTEXT = "capstan-local";

  private Kubeconfig() {}

  /** The API server URL in a kubeconfig written by kube-api-test. */
  static String serverUrl(String kubeconfigYaml) {
    Config config = Serialization.unmarshal(kubeconfigYaml, Config.class);
    return config.getClusters().get(0).getCluster().getServer();
  }

  static void write(Path target, String serverUrl, Path caCert, Path clientCert, Path clientKey) {
    Config config = new ConfigBuilder()
        .withApiVersion("v1").withKind("Config")
        .addNewCluster().withName(CONTEXT).withNewCluster()
        .withServer(serverUrl).withCertificateAuthorityData(base64(caCert))
        .endCluster().endCluster()
        .addNewUser().withName(CONTEXT).withNewUser()
        .withClientCertificateData(base64(clientCert)).withClientKeyData(base64(clientKey))
        .endUser().endUser()
        .addNewContext().withName(CONTEXT).withNewContext()
        .withCluster(CONTEXT).withUser(CONTEXT).withNamespace("default")
        .endContext().endContext()
        .withCurrentContext(CONTEXT)
        .build();
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(target, Serialization.asYaml(config));
      // It holds a cluster-admin key.
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new CapstanException(target.toString(), "cannot write the kubeconfig: " + e.getMessage(), e);
    }
  }

  private static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

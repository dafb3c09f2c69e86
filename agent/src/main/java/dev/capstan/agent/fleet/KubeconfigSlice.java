package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * One context cut out of a kubeconfig, self-contained, for a cluster Secret: only that context, its
 * cluster and its user (a kubeconfig often holds credentials for many clusters, which must not be
 * copied into one cluster's Secret), with certificate and token files read in, since the agent cannot
 * see the files. Exec and auth-provider plugins are refused: the agent cannot run them.
 */
public final class KubeconfigSlice {
  private KubeconfigSlice() {}

  /**
   * @param where the flag, for errors ({@code --kubeconfig ~/.kube/config})
   * @param context null for the current context
   * @param baseDir where relative file paths in the kubeconfig are resolved
   */
  public static String of(String where, String kubeconfig, String context, Path baseDir) {
    ClusterConfigs.fromKubeconfig(where, kubeconfig, context, "--context"); // checks the context exists and parses
    Config full = Serialization.unmarshal(kubeconfig, Config.class);
    String chosen = context != null ? context : full.getCurrentContext();
    NamedContext named = full.getContexts().stream().filter(c -> chosen.equals(c.getName())).findFirst().orElseThrow();
    String clusterName = named.getContext().getCluster();
    String userName = named.getContext().getUser();
    NamedCluster cluster = list(full.getClusters()).stream().filter(c -> c.getName().equals(clusterName)).findFirst()
        .orElseThrow(() -> new ClusterConfigException(where, "context " + chosen + " names cluster " + clusterName + ", which is not in the kubeconfig"));
    NamedAuthInfo user = userName == null ? null : list(full.getUsers()).stream().filter(u -> u.getName().equals(userName)).findFirst()
        .orElseThrow(() -> new ClusterConfigException(where, "context " + chosen + " names user " + userName + ", which is not in the kubeconfig"));
    inline(where, cluster.getCluster(), baseDir);
    if (user != null) {
      inline(where, chosen, user.getUser(), baseDir);
    }
    Config slice = new Config();
    slice.setApiVersion("v1");
    slice.setKind("Config");
    slice.setClusters(List.of(cluster));
    slice.setUsers(user == null ? List.of() : List.of(user));
    slice.setContexts(List.of(named));
    slice.setCurrentContext(chosen);
    return Serialization.asYaml(slice);
  }

  private static void inline(String where, Cluster cluster, Path baseDir) {
    if (cluster.getCertificateAuthority() != null && cluster.getCertificateAuthorityData() == null) {
      cluster.setCertificateAuthorityData(base64(where, baseDir, cluster.getCertificateAuthority()));
    }
    cluster.setCertificateAuthority(null);
  }

  private static void inline(String where, String context, AuthInfo user, Path baseDir) {
    if (user.getExec() != null || user.getAuthProvider() != null) {
      throw new ClusterConfigException(where, "context " + context + " authenticates with a plugin (exec or auth-provider), which the agent "
          + "cannot run; use a token or a client certificate (a ServiceAccount token, for example)");
    }
    if (user.getClientCertificate() != null && user.getClientCertificateData() == null) {
      user.setClientCertificateData(base64(where, baseDir, user.getClientCertificate()));
    }
    if (user.getClientKey() != null && user.getClientKeyData() == null) {
      user.setClientKeyData(base64(where, baseDir, user.getClientKey()));
    }
    if (user.getTokenFile() != null && user.getToken() == null) {
      user.setToken(read(where, baseDir, user.getTokenFile()).trim());
    }
    user.setClientCertificate(null);
    user.setClientKey(null);
    user.setTokenFile(null);
  }

  private static String base64(String where, Path baseDir, String file) {
    return Base64.getEncoder().encodeToString(read(where, baseDir, file).getBytes(StandardCharsets.UTF_8));
  }

  private static String read(String where, Path baseDir, String file) {
    Path path = baseDir.resolve(file);
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new ClusterConfigException(where, "cannot read " + path + ", which the kubeconfig names: " + e.getMessage());
    }
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }
}

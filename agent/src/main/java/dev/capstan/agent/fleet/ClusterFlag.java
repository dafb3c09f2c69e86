package dev.capstan.agent.fleet;

import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Destination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --cluster NAME=KUBECONFIG[:CONTEXT]}: a cluster registered from a kubeconfig file (files mode, the quickstart). */
public final class ClusterFlag {
  private ClusterFlag() {}

  public static RegisteredCluster parse(String flag, ClusterLimits limits) {
    String where = "--cluster " + flag;
    int eq = flag.indexOf('=');
    if (eq <= 0 || eq == flag.length() - 1) {
      throw new ClusterConfigException(where, "expected NAME=KUBECONFIG[:CONTEXT]");
    }
    String name = flag.substring(0, eq).trim();
    if (Destination.IN_CLUSTER.equals(name)) {
      throw new ClusterConfigException(where, "\"" + Destination.IN_CLUSTER + "\" is the agent's own cluster (--kubeconfig); choose another name");
    }
    if (!ApplicationValidator.isObjectName(name)) {
      throw new ClusterConfigException(where, "\"" + name + "\" is not a valid cluster name (lower case, digits, '-', '.')");
    }
    String rest = flag.substring(eq + 1);
    String file = rest;
    String context = null;
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && rest.indexOf('/', colon) < 0) {
      file = rest.substring(0, colon);
      context = rest.substring(colon + 1);
    }
    String kubeconfig;
    try {
      kubeconfig = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new ClusterConfigException(where, "cannot read " + file + ": " + e.getMessage());
    }
    var config = ClusterConfigs.fromKubeconfig(where, kubeconfig, context, context == null ? "current context" : "context");
    return new RegisteredCluster(name, ClusterConfigs.server(config), "--cluster " + name, config, List.of(), limits, flag);
  }
}

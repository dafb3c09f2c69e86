package dev.capstan.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.agent.fleet.ClusterConfigs;
import dev.capstan.agent.fleet.ClusterSecrets;
import dev.capstan.agent.fleet.KubeconfigSlice;
import dev.capstan.agent.fleet.Reachability;
import dev.capstan.cli.release.Table;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.cluster.KubeConfigs;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan cluster}: the clusters one agent deploys to. {@code list} asks the running agent (it
 * knows reachability and applications, in files mode too); {@code add} and {@code remove} write and
 * delete cluster Secrets in the agent's namespace, which the agent in cluster mode watches.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "List, add and remove the clusters an agent deploys to.",
    subcommands = {ClusterCommand.ListClusters.class, ClusterCommand.Add.class, ClusterCommand.Remove.class})
public final class ClusterCommand {
  /** Where the agent runs: the cluster and namespace holding its cluster Secrets. */
  static final class AgentClusterFlags {
    @Option(names = "--agent-kubeconfig", paramLabel = "FILE",
        description = "Kubeconfig of the agent's cluster (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--agent-context", paramLabel = "NAME", description = "Context of the agent's cluster (default: the current one).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The agent's namespace (default: the context's, else default).")
    String namespace;

    KubernetesClient client() {
      return new KubernetesClientBuilder().withConfig(KubeConfigs.load(kubeconfig, context)).build();
    }

    String namespace(KubernetesClient client) {
      String ns = namespace != null ? namespace : client.getConfiguration().getNamespace();
      return ns == null || ns.isBlank() ? "default" : ns;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The running agent's clusters: server, version, whether it answers, and how many applications each has.")
  static final class ListClusters implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AppCommand.ServerFlags flags;

    @Override
    public Integer call() {
      JsonNode clusters = flags.client().get("clusters");
      PrintWriter out = spec.commandLine().getOut();
      AppCommand.print(out, flags.output, clusters, () -> out.print(table(clusters)));
      return 0;
    }

    /** The table {@code cluster list} prints for the API's {@code /api/v1/clusters}. */
    static String table(JsonNode clusters) {
      Table t = new Table("NAME", "SERVER", "VERSION", "REACHABLE", "APPS", "MESSAGE");
      clusters.forEach(c -> t.row(AppCommand.text(c, "/name"), AppCommand.text(c, "/server"), AppCommand.text(c, "/version"),
          c.path("reachable").asBoolean() ? "yes" : "no (" + AppCommand.text(c, "/state") + ")", AppCommand.text(c, "/applications"),
          c.path("reachable").asBoolean() ? "" : AppCommand.text(c, "/message")));
      return t.render();
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Register a cluster: checks that it answers with these credentials, then writes a cluster Secret",
          "(one context of the kubeconfig, files read in) into the agent's namespace."})
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "The name Applications use in spec.destination.cluster.") String name;

    @Option(names = "--kubeconfig", paramLabel = "FILE", required = true, description = "Kubeconfig holding the cluster's credentials.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Context in that kubeconfig (default: its current one).")
    String context;

    @Option(names = "--allowed-namespace", paramLabel = "NS",
        description = "An Application namespace that may target this cluster (repeatable; default: any).")
    List<String> allowedNamespaces = List.of();

    @Mixin AgentClusterFlags agentCluster;

    @Override
    public Integer call() {
      String where = "--kubeconfig " + kubeconfig;
      String yaml;
      try {
        yaml = Files.readString(kubeconfig);
      } catch (IOException e) {
        throw new CapstanException(where, "cannot read: " + e.getMessage());
      }
      String slice = KubeconfigSlice.of(where, yaml, context, kubeconfig.toAbsolutePath().getParent());
      Secret secret = ClusterSecrets.forKubeconfig("placeholder", name, slice, context);
      if (!allowedNamespaces.isEmpty()) {
        secret.getMetadata().setAnnotations(java.util.Map.of(ClusterSecrets.NAMESPACES_ANNOTATION, String.join(",", allowedNamespaces)));
      }
      ClusterSecrets.parse(secret, dev.capstan.agent.fleet.ClusterLimits.defaults()); // the agent's own checks: name, context, CA
      var config = ClusterConfigs.fromKubeconfig(where, slice, context, "--context");
      try (KubernetesClient target = new KubernetesClientBuilder().withConfig(config).build()) {
        Reachability answer = Reachability.check(target);
        if (!answer.up()) {
          throw new CapstanException(where, "cluster " + ClusterConfigs.server(config) + " does not accept these credentials or "
              + "does not answer: " + answer.reason() + ": " + answer.message());
        }
      }
      try (KubernetesClient client = agentCluster.client()) {
        String namespace = agentCluster.namespace(client);
        secret.getMetadata().setNamespace(namespace);
        for (Secret existing : client.secrets().inNamespace(namespace).withLabel(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE).list().getItems()) {
          if (ClusterSecrets.nameOf(existing).equals(name)) {
            throw new CapstanException("cluster " + name, "is registered already by Secret " + namespace + "/"
                + existing.getMetadata().getName() + "; remove it first (capstan cluster remove " + name + ")");
          }
        }
        client.secrets().inNamespace(namespace).resource(secret).create();
        spec.commandLine().getOut().printf("cluster %s registered: Secret %s/%s%n", name, namespace, secret.getMetadata().getName());
      } catch (KubernetesClientException e) {
        throw new CapstanException("--namespace", "cannot write the cluster Secret: " + e.getStatus().getMessage());
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Unregister a cluster: deletes its cluster Secret. Its Applications stop (stalled, naming the cluster);",
          "nothing is deleted in the cluster itself."})
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;
    @Mixin AgentClusterFlags agentCluster;

    @Override
    public Integer call() {
      try (KubernetesClient client = agentCluster.client()) {
        String namespace = agentCluster.namespace(client);
        List<Secret> secrets = client.secrets().inNamespace(namespace).withLabel(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE).list()
            .getItems().stream().filter(s -> ClusterSecrets.nameOf(s).equals(name)).toList();
        if (secrets.isEmpty()) {
          throw new CapstanException("cluster " + name, "no cluster Secret registers it in namespace " + namespace);
        }
        for (Secret s : secrets) {
          client.secrets().inNamespace(namespace).withName(s.getMetadata().getName()).delete();
          spec.commandLine().getOut().printf("cluster %s removed: Secret %s/%s deleted%n", name, namespace, s.getMetadata().getName());
        }
      } catch (KubernetesClientException e) {
        throw new CapstanException("--namespace", "cannot read or delete cluster Secrets: " + e.getStatus().getMessage());
      }
      return 0;
    }
  }
}

/**
 * The clusters one agent deploys to: registered from Secrets labelled {@code capstan.dev/secret-type:
 * cluster} (cluster mode) or {@code --cluster NAME=KUBECONFIG[:CONTEXT]} (files mode), each with its
 * own client, limits, release history, drift watch and reachability. Implements the agent's {@code
 * ClusterTargets}; the engine stays cluster-agnostic and is handed each cluster's client.
 */
package dev.capstan.agent.fleet;

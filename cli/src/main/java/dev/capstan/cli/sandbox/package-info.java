/**
 * {@code capstan sandbox}: the quickstart's local cluster. It starts kube-apiserver, etcd,
 * kube-controller-manager, kube-scheduler and KWOK on 127.0.0.1 through the local-cluster module,
 * writes a kubeconfig, and runs until Ctrl-C or SIGTERM, when it stops every process it started.
 */
package dev.capstan.cli.sandbox;

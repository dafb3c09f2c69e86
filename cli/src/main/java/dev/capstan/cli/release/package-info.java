/**
 * The release commands: {@code diff}, {@code apply}, {@code history}, {@code rollback},
 * {@code uninstall} and {@code status}. Thin adapters: they read flags, render the chart through
 * the chart-renderer into the engine's {@link dev.capstan.engine.resource.DesiredState}, call one
 * engine action and print its result. The cluster comes from {@code --kubeconfig}, {@code KUBECONFIG},
 * {@code ~/.kube/config} or the in-cluster service account, as kubectl finds it.
 */
package dev.capstan.cli.release;

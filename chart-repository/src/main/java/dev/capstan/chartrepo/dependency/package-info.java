/**
 * {@code capstan dependency update} and {@code build} ({@link dev.capstan.chartrepo.dependency.DependencyManager}):
 * Chart.yaml's dependencies resolved against Helm repositories, OCI registries and {@code file://}
 * folders into {@code charts/*.tgz} and a Helm-compatible {@code Chart.lock}; and
 * {@link dev.capstan.chartrepo.dependency.LockedDependencies}, the same locked archives added in memory
 * to a chart read from Git (the agent's case). {@code DependencySources} is the one rule for what a
 * {@code repository:} URL names.
 */
package dev.capstan.chartrepo.dependency;

/**
 * {@code capstan dependency update} and {@code build} ({@link dev.capstan.chartrepo.dependency.DependencyManager}):
 * Chart.yaml's dependencies resolved against Helm repositories, OCI registries and {@code file://}
 * folders into {@code charts/*.tgz} and a Helm-compatible {@code Chart.lock}.
 */
package dev.capstan.chartrepo.dependency;

/**
 * {@code capstan create}: the scaffold chart a new user starts from.
 *
 * <p>The scaffold is plain files under {@code resources/dev/capstan/chart/create/scaffold/}, so it
 * reads like any chart: a Deployment with liveness and readiness probes and a RollingUpdate
 * strategy, a Service, a ServiceAccount, an Ingress and a HorizontalPodAutoscaler that are off until
 * values turn them on, the {@code fullname()}/{@code labels()} macros in
 * {@code templates/_helpers.tpl}, a values schema and NOTES.txt. The only substitution is the chart
 * name. Tests keep it honest: it must render and lint with no finding, and its rendered output is a
 * golden file.
 */
package dev.capstan.chart.create;

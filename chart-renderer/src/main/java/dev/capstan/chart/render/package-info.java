/**
 * From a chart and values to Kubernetes manifests: {@link dev.capstan.chart.render.Renderer#render}
 * takes a {@link dev.capstan.chart.Chart} and {@link dev.capstan.chart.render.RenderOptions} and
 * returns a {@link dev.capstan.chart.render.RenderResult}, or throws; it never prints.
 *
 * <p>Steps: the user's values are layered and coalesced over the chart tree (package
 * {@code values}), dependencies switched off by {@code tags}/{@code condition} are dropped, each
 * chart's values are checked against its {@code values.schema.json} and its {@code kubeVersion}
 * against the target version; then every {@code *.yaml}, {@code *.yml}, {@code *.json} template
 * of every enabled application chart is rendered in the sandbox (package {@code template}), split
 * into documents, empty ones dropped, each parsed and checked for {@code apiVersion}, {@code kind}
 * and {@code metadata.name}, duplicates refused, and the result sorted by
 * {@link dev.capstan.core.kinds.KindOrder}. {@link dev.capstan.chart.render.ManifestPrinter}
 * prints it as {@code capstan render} does. Lint uses {@link dev.capstan.chart.render.Renderer#renderEach}
 * instead, which carries on past a failing template and returns what rendered with the errors.
 */
package dev.capstan.chart.render;

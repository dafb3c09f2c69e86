/**
 * Charts: what a chart is ({@link dev.capstan.chart.Chart}, {@link dev.capstan.chart.ChartMetadata},
 * {@link dev.capstan.chart.Dependency}) and how one is read ({@link dev.capstan.chart.ChartLoader}).
 *
 * <p>The layout is Helm's: {@code Chart.yaml} (apiVersion v2, a SemVer {@code version}, optional
 * {@code type: library} and {@code kubeVersion} constraint, {@code dependencies}), {@code values.yaml},
 * optional {@code values.schema.json}, {@code templates/} and {@code charts/}. Templates are Pebble,
 * not Go templates; see {@code docs/chart-format.md}. Sub-packages: {@code source} (where the bytes
 * come from), {@code values} (Helm's values semantics), {@code template} (the sandboxed Pebble
 * engine), {@code render} (from chart and values to Kubernetes manifests), {@code lint}.
 */
package dev.capstan.chart;

/**
 * Charts: what a chart is ({@link dev.capstan.chart.Chart}, {@link dev.capstan.chart.ChartMetadata},
 * {@link dev.capstan.chart.Dependency}), how one is read from a folder or a {@code .tgz} archive
 * ({@link dev.capstan.chart.ChartLoader}) and packaged into one ({@link dev.capstan.chart.ChartPackager}).
 *
 * <p>The layout is Helm's: {@code Chart.yaml} (apiVersion v2, a SemVer {@code version}, optional
 * {@code type: library} and {@code kubeVersion} constraint, {@code dependencies}), {@code values.yaml},
 * optional {@code values.schema.json}, {@code templates/} and {@code charts/}. Templates are Pebble,
 * not Go templates; see {@code docs/chart-format.md}. Sub-packages: {@code source} (where the bytes
 * come from), {@code values} (Helm's values semantics), {@code template} (the sandboxed Pebble
 * engine), {@code render} (from chart and values to Kubernetes manifests), {@code lint},
 * {@code archive} (bounded reading and reproducible writing of chart archives).
 */
package dev.capstan.chart;

/**
 * Commands and flags for charts as files and as remote sources: {@code package}, {@code pull},
 * {@code push}, {@code dependency update/build}, and {@link dev.capstan.cli.chart.ChartSourceFlags},
 * the CHART argument plus {@code --repo}, {@code --version} and Helm's registry flags that
 * {@code render}, {@code lint}, {@code diff} and {@code apply} share. The work is
 * {@code chart-renderer}'s ({@code ChartPackager}) and {@code chart-repository}'s; these classes parse,
 * call and print.
 */
package dev.capstan.cli.chart;

/**
 * Where a chart's bytes come from. {@link dev.capstan.chart.source.ChartFiles} is the only door
 * the loader and the template {@code files} API use, so the sandbox rule "nothing outside the
 * chart" is enforced here once: relative paths only, no {@code ..}, no symlink that resolves
 * outside the chart. A directory on disk and an in-memory Git snapshot look the same to the rest.
 * {@link dev.capstan.chart.source.HelmIgnore} is also applied here (through
 * {@code ChartFiles.withoutIgnored}), so a file the chart's {@code .helmignore} excludes is as absent
 * for templates, {@code files.get} and {@code files.glob} as a file that does not exist.
 */
package dev.capstan.chart.source;

/**
 * Chart archives: the {@code .tgz} files {@code helm package} writes, {@code charts/} holds and
 * repositories and registries serve. {@link dev.capstan.chart.archive.ChartArchiveReader} unpacks one
 * into an in-memory {@link dev.capstan.chart.source.ChartFiles} within an
 * {@link dev.capstan.chart.archive.ArchiveBudget} (entries, bytes per file, bytes in all; links,
 * devices, absolute paths and {@code ..} refused); {@link dev.capstan.chart.archive.ChartArchiveWriter}
 * writes one, reproducibly. This package knows files only; what a chart is lives in
 * {@code dev.capstan.chart} ({@code ChartLoader} reads archives, {@code ChartPackager} writes them).
 */
package dev.capstan.chart.archive;

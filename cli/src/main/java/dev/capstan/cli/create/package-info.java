/** {@code capstan create}: a thin adapter over {@link dev.capstan.chart.create.ChartScaffold}. */
package dev.capstan.cli.create;

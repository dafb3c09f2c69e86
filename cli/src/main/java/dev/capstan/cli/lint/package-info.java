/** {@code capstan lint}: a thin adapter from flags to {@link dev.capstan.chart.lint.Linter}. */
package dev.capstan.cli.lint;

/**
 * {@code capstan render}: a thin adapter from flags to {@link dev.capstan.chart.render.Renderer}.
 * {@link dev.capstan.cli.render.ValuesFlags} holds Helm's values flags for every command that
 * renders a chart.
 */
package dev.capstan.cli.render;

/**
 * Go-template charts rendered as Helm 3.17's engine renders them ({@code pkg/engine}): every Go
 * template of the chart tree parsed into one namespace in Helm's order, executed with Helm's
 * top-level objects ({@code .Values .Release .Chart .Capabilities .Files .Template .Subcharts}),
 * Sprig and Helm's functions, {@code include}, {@code tpl} and an offline {@code lookup}, the
 * {@code <no value>} clean-up, and errors worded as Helm words them. The Go template language
 * itself is {@link dev.capstan.chart.gotemplate}; the renderer decides which charts are Go with
 * {@link dev.capstan.chart.TemplateLanguage}.
 *
 * <p>Every object a template can reach is a {@link dev.capstan.chart.gotemplate.GoStruct} listing
 * its fields and methods, or plain data: nothing here exposes a Java object to a template.
 */
package dev.capstan.chart.gochart;

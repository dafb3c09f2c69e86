/**
 * The sandboxed Pebble engine charts are written in. {@link dev.capstan.chart.template.ChartEngine}
 * sets Pebble up the way a Helm user expects: no autoescaping, whitespace control with
 * the dash markers and no implicit newline trimming (so Go template habits carry over),
 * missing values render as empty, conditions use Go template truth ({@code Truth}: empty maps, lists
 * and strings are false), and every template and macro sees {@code values}, {@code release},
 * {@code chart}, {@code capabilities}, {@code files} and {@code template}.
 *
 * <p>Helper macros ({@code templates/_*} of the chart and its library charts) become functions
 * ({@link dev.capstan.chart.template.HelperMacro}) that carry the globals into the macro body,
 * because a plain Pebble macro sees only its arguments.
 *
 * <p>Templates are untrusted. {@link dev.capstan.chart.template.SandboxMethodAccess} denies every
 * Java method (Capstan's own objects are resolved by name in
 * {@link dev.capstan.chart.template.TemplateApiResolver}); the tags that reach other templates
 * or threads are removed; {@link dev.capstan.chart.template.FilesApi} reads only the chart's own
 * files; and {@link dev.capstan.chart.template.RenderBudget} bounds output, nesting depth and wall
 * time, checked at every write, filter, function, macro call, {@code range} step and concatenation.
 */
package dev.capstan.chart.template;

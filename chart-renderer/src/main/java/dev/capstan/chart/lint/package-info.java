/**
 * {@code capstan lint}: what is wrong with a chart, as a list of findings a person can act on.
 *
 * <p>{@link dev.capstan.chart.lint.Linter} reads a chart directory the way {@code helm lint} does:
 * Chart.yaml first (required fields, SemVer version, chart type, the icon and description Helm
 * warns about), then renders it with the given values through the same
 * {@link dev.capstan.chart.render.Renderer} that {@code capstan render} uses, turning render errors
 * (template syntax, undefined macro, {@code required}/{@code fail}, bad YAML, values that break
 * {@code values.schema.json}) into findings at their file and line. Each template is rendered on
 * its own ({@link dev.capstan.chart.render.Renderer#renderEach}), so every failing template is one
 * finding, a failing helper macro is one finding however many templates call it, and the templates
 * that did render are still checked. Every rendered object of a built-in kind is then checked against
 * {@link dev.capstan.chart.lint.KubeSchemas}, offline schemas generated from the Kubernetes OpenAPI
 * document by {@code tools/kube-schemas/generate.py}, so an unknown field or a wrong type is caught
 * before an API server sees it; the finding points at the template line that wrote the field when
 * that line can be found. Checks the schema cannot express follow: names and labels the API server
 * would reject, a workload selector that misses its pod template, duplicate container and bad port
 * names (errors); a Service that selects none of the chart's pods or targets a port name they do
 * not declare, a probe on a port name its container does not declare (warnings); containers
 * without resource requests (INFO). Custom resources are
 * reported once as INFO and otherwise left alone. {@code LintAgreesWithApiServerIT} in the cli
 * module checks these verdicts against a real API server.
 *
 * <p>The same checks run on a chart already loaded ({@link dev.capstan.chart.lint.Linter#lint(dev.capstan.chart.Chart,
 * String, dev.capstan.chart.render.RenderOptions, java.util.Map)}), with values already loaded: the
 * agent lints a pull request's chart, read from Git, this way before it previews it.
 *
 * <p>Results are values ({@link dev.capstan.chart.lint.LintReport} of
 * {@link dev.capstan.chart.lint.LintFinding}), printed as {@code path:line: severity: message};
 * lint never prints and never exits.
 */
package dev.capstan.chart.lint;

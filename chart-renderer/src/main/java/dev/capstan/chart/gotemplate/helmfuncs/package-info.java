/**
 * Helm 3.17's own pure template functions ({@link
 * dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions#pure()}): toYaml (sigs.k8s.io/yaml: JSON,
 * then goyaml.v2's emitter, folding at 80 columns), toYamlPretty (goyaml.v3), fromYaml,
 * fromYamlArray, toJson, fromJson, fromJsonArray, toToml, fromToml, required and fail (their
 * messages wrapped in {@code HELM_ERR_START}/{@code HELM_ERR_END} for the engine's error report,
 * as Helm does), and getHostByName without DNS, as {@code helm template} runs.
 * {@link dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions#all()} is the whole map Helm's engine
 * starts from; {@code include}, {@code tpl} and {@code lookup} belong to the chart renderer.
 */
package dev.capstan.chart.gotemplate.helmfuncs;

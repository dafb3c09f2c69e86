/**
 * Sprig v3.3.0's template functions as Helm 3.17 registers them ({@link
 * dev.capstan.chart.gotemplate.sprig.SprigFunctions#all()}: everything but {@code env} and
 * {@code expandenv}), written against Go's behaviour, which is the specification: each function
 * declares the Go parameter types (so the executor refuses what Go refuses), returns the Go result
 * type in the value model ({@code add} an int64, {@code addf} a float64, {@code splitList} a
 * {@code []string}), and fails with Go's error or panic text.
 *
 * <p>The behaviour is pinned by goldens that real Go writes (tools/gotemplate-oracle/funcs: case
 * files, seeded random cases and end-to-end templates); random, key and certificate functions are
 * tested for their properties instead.
 *
 * <p>Every function is reachable by untrusted templates: sizes a template controls are checked
 * before anything is built (the render's {@code GoBudget}, then fixed caps), walks over values are
 * bounded (values can share structure or contain themselves), regexes run on RE2/J in linear
 * time, and nothing reaches the network or the environment ({@code getHostByName} answers "").
 */
package dev.capstan.chart.gotemplate.sprig;

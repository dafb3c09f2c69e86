/**
 * Go's {@code text/template}, written in Java and shaped like Go's: a lexer, a parser to an AST and
 * an executor, with Go's value model as Helm feeds it. Nothing here knows charts; the chart side
 * (Helm's functions, {@code include}, {@code tpl}, {@code .Files}) binds to it through
 * {@link dev.capstan.chart.gotemplate.GoFunc}.
 *
 * <h2>Value model</h2>
 * Each Go value a template can see has exactly one Java representation:
 * <ul>
 *   <li>{@code nil} (an empty {@code interface{}}): {@code null}</li>
 *   <li>{@code bool}: {@link java.lang.Boolean}; {@code string}: {@link java.lang.String}</li>
 *   <li>{@code int}: {@link java.lang.Integer}; {@code int64}: {@link java.lang.Long};
 *       {@code float64}: {@link java.lang.Double} (values from YAML/JSON are always float64, as in
 *       Helm; {@code --set} integers are int64)</li>
 *   <li>{@code []byte}: {@code byte[]}</li>
 *   <li>{@code []interface{}}: any {@link java.util.List}</li>
 *   <li>{@code map[string]interface{}}: any {@link java.util.Map} with String keys (ranged and
 *       printed in sorted key order, as Go does)</li>
 *   <li>{@code complex128}, which only a template constant makes ({@code 1i}):
 *       {@link dev.capstan.chart.gotemplate.GoComplex}</li>
 *   <li>a map or slice of a named Go type ({@code chartutil.Values}, {@code engine.files}): the
 *       Map or List implementing {@link dev.capstan.chart.gotemplate.GoNamed}, which gives the
 *       type's name and methods</li>
 *   <li>a Go struct or named type with fields and methods ({@code .Chart}, {@code .Capabilities},
 *       {@code .Files}): a {@link dev.capstan.chart.gotemplate.GoStruct}, the only way a template
 *       reaches behaviour: no Java object is ever reflected on</li>
 * </ul>
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * GoTemplateSet set = GoTemplateSet.create("gotpl", funcs);       // funcs: Map<String, GoFunc>
 * set.parse("c/templates/_helpers.tpl", helpersText);            // every file of the chart, once
 * set.parse("c/templates/deployment.yaml", deploymentText);      // later defines replace earlier
 * ExecOptions opts = ExecOptions.defaults()
 *     .withMissingKey(MissingKey.ZERO)                            // Helm; ERROR for --strict
 *     .withFuncs(Map.of("include", include, "tpl", tpl))          // per-render closures
 *     .withBudget(budget);                                        // GoBudget over RenderBudget
 * String out = set.executeToString("c/templates/deployment.yaml", data, opts);
 * }</pre>
 * <ul>
 *   <li>Functions are resolved when a template is parsed, as Go's {@code Funcs}: a name that is
 *       neither in the set's map nor a built-in is the parse error {@code function "x" not
 *       defined}. {@link dev.capstan.chart.gotemplate.ExecOptions#funcs()} replaces functions by
 *       name for one execution: declare {@code include} and {@code tpl} in the set (any body) and
 *       pass the real ones, which close over the render, in the options.</li>
 *   <li>{@code include name data}: {@code set.executeToString(name, data, opts)} inside the
 *       function; Helm's {@code tpl}: {@code set.overlay().parse(name, text)} then execute it in the
 *       overlay, which sees the set's defines and keeps its own. Call
 *       {@link dev.capstan.chart.gotemplate.GoBudget#enter()}/{@code exit()} around both so their
 *       nesting is bounded. A {@link dev.capstan.chart.gotemplate.GoTemplateException} thrown by a
 *       function body is reported as Go reports a function's error: {@code error calling include:
 *       template: ...}; a {@link dev.capstan.chart.gotemplate.GoTemplateAbort} (a limit that stops
 *       the whole execution) passes the calls unchanged, so a recursion stays one short line.</li>
 *   <li>Errors: {@link dev.capstan.chart.gotemplate.GoTemplateParseException} and
 *       {@link dev.capstan.chart.gotemplate.GoTemplateException} carry Go's complete one-line
 *       message. A budget refusal ({@link dev.capstan.chart.gotemplate.GoLimitException} from the
 *       budget) becomes a GoTemplateException naming the place. A function that builds a value
 *       whose size a template controls asks {@link dev.capstan.chart.gotemplate.GoBudget#current()}
 *       first; every string, list and map a function returns is checked after the call.</li>
 *   <li>For function authors: {@link dev.capstan.chart.gotemplate.GoFmt} is Go's {@code fmt}
 *       ({@code Sprint}, {@code Sprintf}...), {@link dev.capstan.chart.gotemplate.GoValues} gives
 *       {@code %T} names, reflect kinds, template truth and Go's map key order,
 *       {@link dev.capstan.chart.gotemplate.GoQuote} is {@code strconv.Quote}.</li>
 *   <li>Printing: a missing value prints Go's {@code <no value>}; Helm deletes that text from the
 *       output afterwards, which is the chart side's job.</li>
 *   <li>Semantics are Go 1.23's (the Go of Helm 3.17): no {@code range} over an integer,
 *       {@code incompatible types for comparison} without the types. Known differences, each a
 *       limit of the value model or the JVM: an integer constant beyond 32
 *       bits is an int64; a {@code []string} parameter takes any list of strings (Go would refuse
 *       a {@code []interface {}}; a list that must print as {@code []string} for {@code %T}
 *       implements {@link dev.capstan.chart.gotemplate.GoNamed}); template calls nest at
 *       most {@value dev.capstan.chart.gotemplate.Exec#MAX_EXEC_DEPTH} deep (Go: 100000) and
 *       parentheses 100 deep (Go 1.23: unlimited); Go's {@code uint8} is not in the value
 *       model, so ranging over a {@code []byte} and {@code index} of a string or {@code []byte}
 *       give ints (they print the same; {@code %T} and a typed parameter's error differ).</li>
 * </ul>
 */
package dev.capstan.chart.gotemplate;

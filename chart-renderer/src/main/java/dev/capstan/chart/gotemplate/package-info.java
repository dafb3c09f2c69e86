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
 *   <li>a Go struct or named type with fields and methods ({@code .Chart}, {@code .Capabilities},
 *       {@code .Files}): a {@link dev.capstan.chart.gotemplate.GoStruct}, the only way a template
 *       reaches behaviour: no Java object is ever reflected on</li>
 * </ul>
 */
package dev.capstan.chart.gotemplate;

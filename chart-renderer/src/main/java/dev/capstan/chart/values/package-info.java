/**
 * Chart values with exactly Helm's semantics, so a Helm user's values files and {@code --set} flags
 * mean the same thing here.
 *
 * <p>{@link dev.capstan.chart.values.UserValues} turns the user's flags into one map the way Helm's
 * {@code MergeValues} does: {@code -f} files deep-merged in order, then {@code --set-json},
 * {@code --set}, {@code --set-string}, {@code --set-file} and {@code --set-literal}, ordered by flag
 * type, never by position on the command line. The {@code --set} grammar (dots, escapes, lists,
 * indices, type inference) lives in {@link dev.capstan.chart.values.SetParser}, a leaf that parses
 * and nothing else. {@link dev.capstan.chart.values.Coalesce} then lays the user's map over the
 * defaults of a chart tree (Helm's {@code CoalesceValues}): maps merge deeply, lists are replaced, a
 * {@code null} deletes the key below it, subchart defaults appear under the subchart's alias or name
 * and {@code global} flows down into every subchart. {@link dev.capstan.chart.values.ValuesSchema}
 * checks the result against a chart's {@code values.schema.json}.
 *
 * <p>YAML ({@code values.yaml}, {@code -f} files, {@link dev.capstan.chart.values.ValuesDocument}s
 * from Git) is read by {@link dev.capstan.chart.values.ValuesYaml} through Jackson's YAML parser but
 * resolved as Helm's go-yaml does it ({@code yes}/{@code on} are booleans, {@code 0o17} octal,
 * anchors and {@code <<} merge keys expanded, {@code !!int x} an error), because a values file must
 * mean the same thing in both tools. Everything here is checked against real Helm 3.17 by
 * {@code HelmParityTest} with golden files from {@code tools/helm-oracle/regenerate.sh}.
 *
 * <p>Numbers follow Helm's JSON round trip: YAML and JSON numbers become doubles in Helm, so an
 * integral one is a {@link java.lang.Long} here and any other a {@link java.lang.Double}; {@code --set}
 * integers are {@code Long}. Maps are {@link java.util.LinkedHashMap}s in source order. Every failure
 * is a {@link dev.capstan.chart.values.ValuesException} naming the file and line, the flag and
 * character position, or the JSON path.
 */
package dev.capstan.chart.values;

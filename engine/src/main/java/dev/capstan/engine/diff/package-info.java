/**
 * What applying a release would change. {@link dev.capstan.engine.diff.Differ} asks the API server
 * through a server-side apply dry-run (field manager {@code capstan}) what each object would become
 * and compares that with the live object; without dry-run support it overlays the manifest on the
 * live object, comparing only fields the manifest sets, with {@code "1"}/{@code 1} quantities and
 * int-or-string values treated as equal. Both sides drop what the server owns (status, managed
 * fields, resource version, uid, generation, timestamps) and the fields of per-kind
 * {@link dev.capstan.engine.diff.IgnoreRule}s (JSON Pointers). Secret values are masked before
 * anything becomes text. {@link dev.capstan.engine.diff.DiffPrinter} prints a unified YAML diff per
 * object or a JSON summary.
 */
package dev.capstan.engine.diff;

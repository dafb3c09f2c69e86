/**
 * Which paths moved between two commits. {@link dev.capstan.git.changes.ChangeDetector} diffs two
 * trees (no history walk, so a shallow cache is enough) and answers "did path P change" by stopping
 * at the first difference under P, which keeps monorepos with many apps from re-rendering everything.
 */
package dev.capstan.git.changes;

/**
 * What every Capstan module shares and nothing more: the root {@link dev.capstan.core.CapstanException}
 * and, in {@code semver}, semantic versions and ranges.
 * Modules define subclasses carrying their own fields (template position, values path, object id);
 * the CLI maps them to one-line messages and exit codes in one place.
 */
package dev.capstan.core;

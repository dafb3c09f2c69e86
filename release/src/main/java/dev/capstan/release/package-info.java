/**
 * The release actions every front end uses, the CLI and the agent alike (Helm's {@code pkg/action}
 * is the model): {@link dev.capstan.release.Upgrade} installs or upgrades a chart as a release and
 * {@link dev.capstan.release.Diff} shows what that would change. Both render through
 * {@link dev.capstan.release.ReleaseRenderer}, the one place a chart becomes the engine's
 * {@code DesiredState}: it owns the next revision number and {@code isUpgrade}, which templates see.
 * Actions that need no chart (rollback, uninstall, status) are the engine's own
 * ({@code dev.capstan.engine.release}) and are called directly.
 */
package dev.capstan.release;

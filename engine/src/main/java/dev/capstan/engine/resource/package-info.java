/**
 * The nouns the whole engine shares: {@link dev.capstan.engine.resource.ObjectRef} (an object's id,
 * which starts every message), {@link dev.capstan.engine.resource.DesiredState} (what a release
 * should look like, independent of the renderer), the single immutable
 * {@link dev.capstan.engine.resource.RefOrder} used forward by apply and in reverse by prune and
 * uninstall, the annotations Capstan reads ({@code capstan.dev/sync-wave}, {@code capstan.dev/hook},
 * {@code capstan.dev/prune}) and the errors that carry an object or release id.
 */
package dev.capstan.engine.resource;

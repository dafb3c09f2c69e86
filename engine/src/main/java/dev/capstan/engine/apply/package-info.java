/**
 * Server-side apply of a {@link dev.capstan.engine.plan.Plan} as field manager {@code capstan}.
 * Conflicts with other managers fail with the manager and field named, unless forced. Stages run in
 * the order of {@link dev.capstan.engine.resource.RefOrder} and {@code capstan.dev/sync-wave}; each
 * stage is healthy before the next begins. Objects of another release, or of nobody, are never taken
 * over. Unchanged objects are not sent, so a no-change re-apply writes nothing.
 */
package dev.capstan.engine.apply;

/**
 * Objects annotated {@code capstan.dev/hook: pre-sync|post-sync|sync-fail}, typically Jobs, run at
 * that point of a sync and are waited for. A failed pre-sync hook stops the sync before anything
 * else is touched; sync-fail hooks run when a sync failed, before an atomic rollback.
 */
package dev.capstan.engine.hooks;

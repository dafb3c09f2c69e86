/**
 * The engine's single door to the API server. {@link dev.capstan.engine.cluster.Cluster} resolves
 * kinds through discovery (so namespaced kinds get the release namespace and unknown kinds fail
 * before anything is written), reads objects, sends server-side apply as field manager
 * {@code capstan} (real or dry-run) and deletes. Client errors become
 * {@link dev.capstan.engine.cluster.ConflictException} (naming the other manager and field) or
 * {@link dev.capstan.engine.cluster.RejectedException}, both starting with the object id.
 */
package dev.capstan.engine.cluster;

/**
 * The repository cache on disk: one bare repository per URL, shared by every source of that URL.
 * {@link dev.capstan.git.cache.RepositoryCache} creates copies atomically (temporary directory, then
 * an atomic move), checks them when first opened and replaces a corrupt or cut-off copy instead of
 * serving it; {@link dev.capstan.git.cache.CachedRepository} carries the per-URL lock the fetcher
 * holds while it talks to the network.
 */
package dev.capstan.git.cache;

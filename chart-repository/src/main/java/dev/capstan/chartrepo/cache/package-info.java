/**
 * The content-addressed chart cache: {@link dev.capstan.chartrepo.cache.ChartCache} keeps archives
 * by {@link dev.capstan.chartrepo.cache.Digest} (sha256), verified on write against the digest the
 * source published and on read against the file name. Safe for concurrent threads and processes.
 */
package dev.capstan.chartrepo.cache;

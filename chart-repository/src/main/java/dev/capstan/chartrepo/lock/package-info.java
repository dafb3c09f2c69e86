/**
 * {@code Chart.lock}: {@link dev.capstan.chartrepo.lock.ChartLock} (the value),
 * {@link dev.capstan.chartrepo.lock.ChartLockFile} (Helm's YAML layout) and
 * {@link dev.capstan.chartrepo.lock.LockDigest} (Helm's digest of Chart.yaml's dependencies and the
 * locked versions, byte-compatible with {@code helm dependency build}'s check).
 */
package dev.capstan.chartrepo.lock;

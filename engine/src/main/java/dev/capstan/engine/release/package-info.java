/**
 * Release actions as objects, each with one {@code run}: {@link dev.capstan.engine.release.Sync}
 * (install or upgrade, optionally atomic), {@link dev.capstan.engine.release.Rollback} (a new
 * revision with an old revision's content), {@link dev.capstan.engine.release.Uninstall} and
 * {@link dev.capstan.engine.release.ReleaseStatus}. Nothing is written before the whole desired
 * state is planned and validated; history is recorded before ({@code pending}) and after
 * ({@code deployed}, {@code failed} or {@code rolled-back}) every change, so a crash or a failure is
 * always visible in {@code capstan history}.
 */
package dev.capstan.engine.release;

/**
 * The agent's loop: one {@link dev.capstan.agent.loop.WorkQueue} keyed by application, fed by poll
 * timers, webhook pushes, drift events and manual syncs, and gated by
 * {@link dev.capstan.agent.loop.SyncWindows}. The queue guarantees what users rely on: a burst of
 * triggers costs one sync, an application is never synced by two threads at once, and a trigger that
 * arrives during a sync is not lost.
 */
package dev.capstan.agent.loop;

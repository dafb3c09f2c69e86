package dev.capstan.engine.release;

import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.resource.ChangeSet;

/** The revision a sync recorded (not stored for a dry run) and what it did to each object. */
public record SyncResult(ReleaseRevision revision, ChangeSet changes) {}

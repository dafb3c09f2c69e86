package dev.capstan.engine.release;

import dev.capstan.engine.health.Health;
import dev.capstan.engine.resource.ObjectRef;

/** One object of a release and its live health. */
public record ObjectStatus(ObjectRef ref, Health health) {}

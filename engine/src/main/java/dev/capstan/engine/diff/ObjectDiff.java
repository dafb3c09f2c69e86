package dev.capstan.engine.diff;

import dev.capstan.engine.resource.ObjectRef;

/**
 * The comparison of one object, with both sides already normalised and Secret-masked as YAML, so
 * it is safe to print. {@code liveYaml} is empty for added objects, {@code desiredYaml} for pruned,
 * both for unchanged objects (nothing to show).
 */
public record ObjectDiff(ObjectRef ref, DiffAction action, String liveYaml, String desiredYaml) {}

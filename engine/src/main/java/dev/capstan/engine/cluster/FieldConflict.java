package dev.capstan.engine.cluster;

/** One field server-side apply refused to take because another field manager owns it. */
public record FieldConflict(String manager, String field) {}

package dev.capstan.engine.history;

import java.util.Map;

/** One rendered object as recorded in a revision, with the template it came from. */
public record StoredManifest(String source, Map<String, Object> object) {}

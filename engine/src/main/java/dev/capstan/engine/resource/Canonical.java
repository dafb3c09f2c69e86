package dev.capstan.engine.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Objects and values in one canonical Java form (a JSON round trip: integers as Integer or Long,
 * decimals as Double), so a manifest straight from the renderer equals the same manifest read back
 * from history and "unchanged since last time" is a plain {@code equals}.
 */
public final class Canonical {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Canonical() {}

  public static Map<String, Object> of(Map<String, Object> value) {
    try {
      return JSON.readValue(JSON.writeValueAsBytes(value), MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

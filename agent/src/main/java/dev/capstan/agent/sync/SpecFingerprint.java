package dev.capstan.agent.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.capstan.agent.application.ApplicationSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what in a spec changes the rendered result (source and destination); a new one means
 * the next pass renders even when Git did not move. Map keys are sorted so key order in YAML is not a
 * change.
 */
final class SpecFingerprint {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private SpecFingerprint() {}

  static String of(ApplicationSpec spec) {
    try {
      byte[] json = spec.sources() == null
          ? JSON.writeValueAsBytes(new Object[] {spec.source(), spec.destination()})
          : JSON.writeValueAsBytes(new Object[] {spec.source(), spec.destination(), spec.sources()});
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint an Application spec", e);
    }
  }
}

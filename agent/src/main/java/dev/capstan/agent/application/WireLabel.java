package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A status enum whose wire form is its constant's name in Pascal case ({@code OUT_OF_SYNC} is
 * {@code "OutOfSync"}), as Argo CD spells sync and health. The one rule for both directions lives
 * here, so every such enum serialises and reads back alike; a label no constant carries reads as the
 * enum's own fallback, so a status written by another version never fails to load.
 */
public interface WireLabel {
  /** The constant's name; every enum implements this. */
  String name();

  /** The label written to JSON and shown to users. */
  @JsonValue
  default String label() {
    StringBuilder label = new StringBuilder();
    for (String word : name().split("_")) {
      label.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return label.toString();
  }

  /** The constant of {@code type} whose label is {@code label}, or {@code fallback}. */
  static <E extends Enum<E> & WireLabel> E parse(Class<E> type, String label, E fallback) {
    for (E constant : type.getEnumConstants()) {
      if (constant.label().equals(label)) {
        return constant;
      }
    }
    return fallback;
  }
}

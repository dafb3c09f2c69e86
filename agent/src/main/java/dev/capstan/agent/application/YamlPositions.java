package dev.capstan.agent.application;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the line of a field in a multi-document YAML file. Jackson binds records through a buffer, so
 * the location in a binding error is already past the field; streaming the same document again and
 * stopping at the field's pointer gives the line a user should look at.
 */
final class YamlPositions {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlPositions() {}

  /** The 1-based line of {@code pointer} in document {@code document} (0-based), or -1 if not found. */
  static int lineOf(Path file, int document, JsonPointer pointer) {
    try (Reader reader = Files.newBufferedReader(file);
        JsonParser p = FACTORY.createParser(reader)) {
      int doc = -1;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        // At a START token the context is already the new container, so a document starts where its parent is the root.
        boolean startsDocument = (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
            && p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inRoot();
        if (startsDocument) {
          doc++;
        }
        if (doc == document && t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(pointer)) {
          return p.currentTokenLocation().getLineNr();
        }
        if (doc > document) {
          return -1;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}

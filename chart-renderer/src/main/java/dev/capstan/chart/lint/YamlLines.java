package dev.capstan.chart.lint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/**
 * Finds the line of a field in a YAML document by walking Jackson's token stream, so lint can point
 * at the line that wrote a field rather than at the whole file.
 */
final class YamlLines {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlLines() {}

  /**
   * The 1-based line of the node at {@code path} (field names and list indexes) in {@code yaml}:
   * the key's line for a field, the item's line for a list element. 0 when there is no such node
   * or the text does not parse.
   */
  static int lineOf(String yaml, List<Object> path) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      if (parser.nextToken() == null) {
        return 0;
      }
      return walk(parser, path, 0);
    } catch (IOException e) {
      return 0;
    }
  }

  private static int walk(JsonParser parser, List<Object> path, int depth) throws IOException {
    if (depth == path.size()) {
      return line(parser);
    }
    Object wanted = path.get(depth);
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        int keyLine = line(parser);
        parser.nextToken();
        if (name.equals(wanted)) {
          return depth + 1 == path.size() ? keyLine : walk(parser, path, depth + 1);
        }
        parser.skipChildren();
      }
    } else if (parser.currentToken() == JsonToken.START_ARRAY) {
      for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
        if (wanted instanceof Integer i && i == index) {
          return walk(parser, path, depth + 1);
        }
        parser.skipChildren();
      }
    }
    return 0;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}

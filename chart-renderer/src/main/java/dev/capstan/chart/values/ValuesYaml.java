package dev.capstan.chart.values;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads a values document ({@code values.yaml} or a {@code -f} file) the way Helm does: the first
 * YAML document, which must be a map (or empty); plain scalars resolved as Helm's YAML library
 * resolves them ({@link GoYamlScalars}); anchors, aliases and {@code <<} merge keys expanded;
 * numbers as after Helm's JSON round trip. The chart loader uses this too, so defaults and user
 * files read alike.
 */
public final class ValuesYaml {
  private static final GoYamlParser.Factory FACTORY = new GoYamlParser.Factory();
  private static final String MERGE_KEY = "<<";

  /**
   * The longest YAML document Capstan reads, in characters (values files here, rendered manifests
   * in the renderer): SnakeYAML's own {@code codePointLimit} default, 3 MiB. The parser finds out
   * only after scanning a token, and one token of many megabytes takes it seconds to minutes under
   * a small heap; a size check before parsing costs nothing.
   */
  public static final int MAX_DOCUMENT_CHARS = 3 * 1024 * 1024;

  private final GoYamlParser parser;
  private final String where;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final AliasBudget budget;

  private ValuesYaml(GoYamlParser parser, String where) {
    this.parser = parser;
    this.where = where;
    this.budget = new AliasBudget();
  }

  /** An anchored value and how many nodes it holds, so an alias is priced before it is copied. */
  private record Anchored(Object value, long nodes) {}

  /**
   * Parses {@code text}; errors name {@code where} (a file path) and the line.
   *
   * @throws ValuesException when the text is not YAML or not a map
   */
  public static Map<String, Object> read(String where, String text) {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw new ValuesException(where, "values file of " + text.length() + " characters exceeds the limit of "
          + MAX_DOCUMENT_CHARS + " (ValuesYaml.MAX_DOCUMENT_CHARS)");
    }
    try (GoYamlParser parser = (GoYamlParser) FACTORY.createParser(new StringReader(text))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new LinkedHashMap<>();
      }
      Object value = new ValuesYaml(parser, where).value(first);
      if (value == null) {
        return new LinkedHashMap<>();
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new ValuesException(where + ":1", "values must be a map, not "
            + ValueMaps.describe(value));
      }
      return ValueMaps.cast(map);
    } catch (JsonProcessingException e) {
      throw syntaxError(where, text, e);
    } catch (IOException e) {
      throw new ValuesException(where, "cannot read YAML: " + e.getMessage(), e);
    }
  }

  private Object value(JsonToken token) throws IOException {
    Event start = parser.event();
    String anchor = start instanceof NodeEvent node && !(start instanceof AliasEvent)
        ? node.getAnchor()
        : null;
    long before = budget.nodes();
    countNode();
    Object value = switch (token) {
      case START_OBJECT -> map();
      case START_ARRAY -> list();
      default -> scalar(parser.event());
    };
    if (anchor != null) {
      anchors.put(anchor, new Anchored(value, budget.nodes() - before));
    }
    return value;
  }

  private Map<String, Object> map() throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      Event keyEvent = parser.event();
      String key = key(keyEvent);
      Object value = value(parser.nextToken());
      if (MERGE_KEY.equals(key) && keyEvent instanceof ScalarEvent s && s.isPlain()) {
        merge(map, value);
      } else {
        map.put(key, value);
      }
    }
    return map;
  }

  /** A {@code <<} key: go-yaml sets the merged map's keys at that point, in order. */
  private void merge(Map<String, Object> into, Object merged) {
    List<?> sources = merged instanceof List<?> list ? list : java.util.Collections.singletonList(merged);
    for (Object source : sources) {
      if (!(source instanceof Map<?, ?> m)) {
        throw new ValuesException(location(), "map merge requires a map or a list of maps");
      }
      ValueMaps.cast(m).forEach((k, v) -> into.put(k, ValueMaps.deepCopyValue(v)));
    }
  }

  private List<Object> list() throws IOException {
    List<Object> list = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      list.add(value(t));
    }
    return list;
  }

  private String key(Event event) throws IOException {
    if (!(event instanceof ScalarEvent s)) {
      return parser.currentName();
    }
    String text = s.getValue();
    GoYamlScalars.Scalar key;
    if (s.getTag() == null) {
      key = s.isPlain() ? GoYamlScalars.scalar(text) : GoYamlScalars.Scalar.of(GoYamlScalars.Kind.STR, text);
    } else {
      Object value = tagged(s);
      key = value == null || value instanceof String
          ? GoYamlScalars.Scalar.of(value == null ? GoYamlScalars.Kind.NULL : GoYamlScalars.Kind.STR, value)
          : GoYamlScalars.scalar(text);
    }
    countNode();
    if (s.getAnchor() != null) {
      anchors.put(s.getAnchor(), new Anchored(key.value(), 1));
    }
    try {
      return GoYamlScalars.keyText(key, text);
    } catch (IllegalArgumentException e) {
      throw new ValuesException(location(), e.getMessage());
    }
  }

  private Object scalar(Event event) {
    if (event instanceof AliasEvent alias) {
      if (!anchors.containsKey(alias.getAnchor())) {
        throw new ValuesException(location(), "unknown anchor '" + alias.getAnchor() + "'");
      }
      Anchored anchored = anchors.get(alias.getAnchor());
      if (!budget.alias(anchored.nodes())) {
        throw new ValuesException(location(), "document contains excessive aliasing (" + AliasBudget.describe() + ")");
      }
      return ValueMaps.deepCopyValue(anchored.value());
    }
    ScalarEvent s = (ScalarEvent) event;
    Object value = s.getTag() == null
        ? (s.isPlain() ? GoYamlScalars.resolve(s.getValue()) : s.getValue())
        : tagged(s);
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      // Helm's YAML-to-JSON step has no spelling for these and fails.
      throw new ValuesException(location(), "unsupported value " + s.getValue());
    }
    return value;
  }

  /**
   * A scalar with an explicit tag: core tags must fit their text ({@code !!int x} fails, as in
   * Helm), {@code !!binary} is decoded, and any other tag leaves the text as a string.
   */
  private Object tagged(ScalarEvent s) {
    String text = s.getValue();
    GoYamlScalars.Kind wanted = switch (s.getTag()) {
      case "tag:yaml.org,2002:str" -> GoYamlScalars.Kind.STR;
      case "tag:yaml.org,2002:null" -> GoYamlScalars.Kind.NULL;
      case "tag:yaml.org,2002:bool" -> GoYamlScalars.Kind.BOOL;
      case "tag:yaml.org,2002:int" -> GoYamlScalars.Kind.INT;
      case "tag:yaml.org,2002:float" -> GoYamlScalars.Kind.FLOAT;
      case "tag:yaml.org,2002:binary" -> null;
      default -> GoYamlScalars.Kind.STR;
    };
    if (wanted == null) {
      return binary(text);
    }
    if (wanted == GoYamlScalars.Kind.STR) {
      return text;
    }
    GoYamlScalars.Scalar resolved = GoYamlScalars.scalar(text);
    boolean fits = resolved.kind() == wanted
        || (wanted == GoYamlScalars.Kind.FLOAT && resolved.kind() == GoYamlScalars.Kind.INT);
    if (!fits) {
      throw new ValuesException(location(), "cannot decode " + resolved.kind().name().toLowerCase()
          + " `" + text + "` as !!" + wanted.name().toLowerCase());
    }
    return resolved.value();
  }

  private String binary(String base64) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(base64.strip());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ValuesException(location(), "invalid !!binary value: " + e.getMessage());
    }
  }

  private void countNode() {
    if (!budget.node()) {
      throw new ValuesException(location(), "document contains excessive aliasing (" + AliasBudget.describe() + ")");
    }
  }

  private String location() {
    JsonLocation at = parser.currentTokenLocation();
    return at == null ? where : where + ":" + at.getLineNr();
  }

  /**
   * SnakeYAML's problem and its line, rather than Jackson's multi-line rendering of it. When the
   * problem is the end of the text (an unclosed list or quote) the line where the construct
   * started is the useful one.
   */
  private static ValuesException syntaxError(String where, String text, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark problem = yaml.getProblemMark();
      Mark context = yaml.getContextMark();
      boolean atEnd = problem.getIndex() >= text.stripTrailing().length();
      Mark at = atEnd && context != null ? context : problem;
      String during = yaml.getContext() == null || context == null
          ? ""
          : " (" + yaml.getContext() + " started at line " + (context.getLine() + 1) + ")";
      return new ValuesException(where + ":" + (at.getLine() + 1),
          "invalid YAML: " + yaml.getProblem() + during, e);
    }
    JsonLocation at = e.getLocation();
    String place = at == null || at.getLineNr() < 1 ? where : where + ":" + at.getLineNr();
    return new ValuesException(place, "invalid YAML: " + firstLine(e.getOriginalMessage()), e);
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}

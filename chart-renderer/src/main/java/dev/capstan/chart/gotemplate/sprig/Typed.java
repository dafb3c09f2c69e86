package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoNamed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists and maps whose Go type is not {@code []interface{}} or {@code map[string]interface{}}:
 * Sprig returns {@code []string} (splitList, keys...), {@code []int} (until) and
 * {@code map[string]string} (split), and {@code typeOf} says so.
 */
final class Typed {
  private Typed() {}

  static List<Object> strings(Collection<?> values) {
    return new NamedList("[]string", values);
  }

  static List<Object> ints(Collection<?> values) {
    return new NamedList("[]int", values);
  }

  static List<Object> lists(Collection<?> values) {
    return new NamedList("[][]interface {}", values);
  }

  /**
   * A nil slice of a Go type: empty when ranged, printed or measured, but {@code null} in JSON
   * and YAML, as Go's encoders write a nil slice.
   */
  static List<Object> nil(String type) {
    return new NilList(type);
  }

  private static final class NilList extends ArrayList<Object> implements GoNamed,
      GoJson.Marshaler {
    private final String type;

    NilList(String type) {
      super(0);
      this.type = type;
    }

    @Override
    public String goTypeName() {
      return type;
    }

    @Override
    public Object jsonValue() {
      return isEmpty() ? null : new ArrayList<>(this);
    }
  }

  /** A sub-slice keeps its slice's Go type, as reflect.Value.Slice does. */
  static List<Object> like(Object original, List<Object> values) {
    return original instanceof NamedList n ? new NamedList(n.type, values) : values;
  }

  /** A list or map of the same Go type as {@code original} (copystructure keeps the type). */
  static List<Object> sameType(Object original, List<Object> values) {
    return original instanceof GoNamed n ? new NamedList(n.goTypeName(), values) : values;
  }

  static Map<String, Object> sameType(Object original, Map<String, Object> values) {
    return original instanceof GoNamed n ? new NamedMap(n.goTypeName(), values) : values;
  }

  static Map<String, Object> stringMap(Map<String, Object> values) {
    return new NamedMap("map[string]string", values);
  }

  private static final class NamedList extends ArrayList<Object> implements GoNamed {
    private final String type;

    NamedList(String type, Collection<?> values) {
      super(values);
      this.type = type;
    }

    @Override
    public String goTypeName() {
      return type;
    }
  }

  private static final class NamedMap extends LinkedHashMap<String, Object> implements GoNamed {
    private final String type;

    NamedMap(String type, Map<String, Object> values) {
      super(values);
      this.type = type;
    }

    @Override
    public String goTypeName() {
      return type;
    }
  }
}

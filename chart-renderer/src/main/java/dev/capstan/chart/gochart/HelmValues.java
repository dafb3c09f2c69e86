package dev.capstan.chart.gochart;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoNamed;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helm's {@code chartutil.Values}, the type of {@code .Values} and {@code .Template}: a map to
 * templates (ranging, indexing, {@code toYaml}), but {@code %T} and {@code typeOf} say
 * {@code chartutil.Values}, Sprig functions that insist on a plain map (dig) refuse it as in Helm,
 * and it has Helm's methods {@code AsMap} and {@code YAML}. The maps inside are plain maps.
 */
final class HelmValues extends AbstractMap<String, Object> implements GoNamed {
  private static final GoFunc TO_YAML = HelmFunctions.all().get("toYaml");

  private final Map<String, Object> values;

  HelmValues(Map<String, Object> values) {
    this.values = values;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Collections.unmodifiableMap(values).entrySet();
  }

  @Override
  public Object get(Object key) {
    return values.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public Object put(String key, Object value) {
    // Sprig's set and unset change a values map in place, as in Helm.
    return values.put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return values.remove(key);
  }

  @Override
  public String goTypeName() {
    return "chartutil.Values";
  }

  @Override
  public GoFunc method(String name) {
    return switch (name) {
      case "AsMap" -> GoFunc.of("AsMap", List.of(), a -> values);
      case "YAML" -> GoFunc.of("YAML", List.of(), a -> {
        String yaml = (String) TO_YAML.body().call(List.of(values));
        return yaml.isEmpty() ? yaml : yaml + "\n";
      });
      default -> null;
    };
  }
}

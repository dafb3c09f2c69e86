package dev.capstan.chart;

import java.util.List;
import java.util.Map;

/**
 * The descriptive fields of Chart.yaml that rendering itself never needs but Helm's templates can
 * read as {@code .Chart.Home}, {@code .Chart.Annotations}, {@code .Chart.Maintainers}...
 * {@code annotations} also carries Capstan's own {@code capstan.dev/template-language} override;
 * {@code typeAsWritten} is {@code type} as Chart.yaml has it (null when absent), which
 * {@code .Chart.Type} shows, where rendering reads an absent type as {@code application}.
 */
public record ChartDescription(String home, String icon, List<String> sources, List<String> keywords,
    List<Maintainer> maintainers, boolean deprecated, Map<String, String> annotations, String typeAsWritten) {
  /** One entry of {@code maintainers}. */
  public record Maintainer(String name, String email, String url) {}

  public static final ChartDescription NONE = new ChartDescription(null, null, List.of(), List.of(), List.of(), false, Map.of(), null);

  public ChartDescription {
    sources = List.copyOf(sources);
    keywords = List.copyOf(keywords);
    maintainers = List.copyOf(maintainers);
    annotations = Map.copyOf(annotations);
  }
}

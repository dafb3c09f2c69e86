package dev.capstan.chart.render;

import dev.capstan.chart.ChartMetadata;
import java.util.List;
import java.util.Map;

/**
 * A finished render: the top chart's metadata, its merged values, the objects in output order
 * (see {@link dev.capstan.core.kinds.KindOrder}) and the rendered NOTES.txt ("" when the chart has none).
 */
public record RenderResult(ChartMetadata chart, Map<String, Object> values, List<RenderedManifest> manifests, String notes) {
  public RenderResult {
    manifests = List.copyOf(manifests);
    notes = notes == null ? "" : notes;
  }
}

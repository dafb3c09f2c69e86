package dev.capstan.chart.render;

import dev.capstan.core.CapstanException;
import java.util.List;

/**
 * What {@link Renderer#renderEach} returns for lint: the objects of the templates that rendered, in
 * {@link dev.capstan.core.kinds.KindOrder}, and one error per template that did not, in render order. Never applied or
 * printed as a chart: with any error it is only part of one.
 */
public record PartialRender(List<RenderedManifest> manifests, List<CapstanException> errors) {
  public PartialRender {
    manifests = List.copyOf(manifests);
    errors = List.copyOf(errors);
  }
}

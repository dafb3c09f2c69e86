package dev.capstan.chartrepo.oci;

/** The media types of a Helm chart stored in an OCI registry. */
public final class HelmMediaTypes {
  /** The config blob: the chart's metadata (Chart.yaml) as JSON. */
  public static final String CONFIG = "application/vnd.cncf.helm.config.v1+json";
  /** The layer holding the chart archive. */
  public static final String CHART_CONTENT = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  /** Older Helm (3.0 to 3.6) wrote this media type for the chart layer; still read. */
  public static final String LEGACY_CHART_CONTENT = "application/tar+gzip";
  /** The provenance layer ({@code .prov}), when a chart is pushed signed. */
  public static final String PROVENANCE = "application/vnd.cncf.helm.chart.provenance.v1.prov";
  /** The manifest format Helm writes. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private HelmMediaTypes() {}
}

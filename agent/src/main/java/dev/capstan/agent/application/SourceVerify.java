package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Signed sources on demand. For Git, as Flux's {@code GitRepository.spec.verify}: what the ref resolves
 * to is applied only with a good signature by one of the trusted public keys, on the commit
 * ({@code HEAD}), on the annotated tag the ref names ({@code Tag}), or on both ({@code TagAndHEAD}).
 * For a chart from a Helm repository or OCI registry, as {@code helm install --verify} and Flux's
 * {@code HelmChart.spec.verify}: the chart's provenance file ({@code .prov}) must be signed by one of
 * the keys and name the archive's digest ({@code Provenance}, the only mode there and its default).
 * Otherwise the last good revision stays live and the status names what was refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceVerify(
    @JsonPropertyDescription("What must be signed: for Git, HEAD (the commit the ref resolves to; the default), Tag (the annotated tag "
        + "the ref names) or TagAndHEAD (both); for a chart from a Helm repository or OCI registry, Provenance (its .prov file; "
        + "the default there).")
    @Pattern("^(HEAD|Tag|TagAndHEAD|Provenance)$") String mode,
    @Required @JsonPropertyDescription("Name of a Secret (in the Application's namespace; a folder under --credentials-dir in files mode) "
        + "holding the trusted public keys: OpenPGP keys under any key name, an OpenSSH allowed_signers file under allowed_signers "
        + "(Git only).")
    String secretRef) {

  public static final String HEAD = "HEAD";
  public static final String TAG = "Tag";
  public static final String TAG_AND_HEAD = "TagAndHEAD";
  /** A chart's provenance file, for chart sources. */
  public static final String PROVENANCE = "Provenance";

  public String modeOrDefault() {
    return mode == null || mode.isBlank() ? HEAD : mode;
  }

  /** The mode on a source of this kind: unset means {@link #PROVENANCE} for a chart source, {@link #HEAD} for Git. */
  public String modeFor(Source source) {
    return (mode == null || mode.isBlank()) && source.isChartSource() ? PROVENANCE : modeOrDefault();
  }

  /** Whether {@link #mode} is one Capstan knows. */
  public boolean knownMode() {
    return switch (modeOrDefault()) {
      case HEAD, TAG, TAG_AND_HEAD, PROVENANCE -> true;
      default -> false;
    };
  }
}

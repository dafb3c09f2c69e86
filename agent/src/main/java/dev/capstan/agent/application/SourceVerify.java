package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Signed commits on demand, as Flux's {@code GitRepository.spec.verify}: what the ref resolves to is
 * applied only with a good signature by one of the trusted public keys, on the commit ({@code HEAD}),
 * on the annotated tag the ref names ({@code Tag}), or on both ({@code TagAndHEAD}); otherwise the last
 * good revision stays live and the status names the refused commit or tag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceVerify(
    @JsonPropertyDescription("What must be signed: HEAD (the commit the ref resolves to; the default), Tag (the annotated tag "
        + "the ref names) or TagAndHEAD (both).")
    @Pattern("^(HEAD|Tag|TagAndHEAD)$") String mode,
    @Required @JsonPropertyDescription("Name of a Secret (in the Application's namespace; a folder under --credentials-dir in files mode) "
        + "holding the trusted public keys: OpenPGP keys under any key name, an OpenSSH allowed_signers file under allowed_signers.")
    String secretRef) {

  public static final String HEAD = "HEAD";
  public static final String TAG = "Tag";
  public static final String TAG_AND_HEAD = "TagAndHEAD";

  public String modeOrDefault() {
    return mode == null || mode.isBlank() ? HEAD : mode;
  }

  /** Whether {@link #mode} is one Capstan knows. */
  public boolean knownMode() {
    return switch (modeOrDefault()) {
      case HEAD, TAG, TAG_AND_HEAD -> true;
      default -> false;
    };
  }
}

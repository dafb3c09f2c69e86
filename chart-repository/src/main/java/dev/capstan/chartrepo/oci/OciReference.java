package dev.capstan.chartrepo.oci;

import dev.capstan.chartrepo.cache.Digest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code oci://host[:port]/path/chart[:tag][@sha256:...]} as Helm users type it: the registry
 * ({@code host[:port]}), the repository inside it ({@code path/chart}), and optionally a tag or a
 * digest. Chart versions are tags with {@code +} written as {@code _} (Helm's rule, as tags may not
 * hold {@code +}).
 */
public record OciReference(String registry, String repository, Optional<String> tag, Optional<Digest> digest) {
  private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public OciReference {
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("\"" + repository + "\" is not a registry repository name (lower-case letters, digits, '.', '_', '-', '/')");
    }
    tag.ifPresent(t -> {
      if (!TAG.matcher(t).matches()) {
        throw new IllegalArgumentException("\"" + t + "\" is not a valid tag");
      }
    });
  }

  /** Parses {@code oci://...}; throws {@link IllegalArgumentException} saying what is wrong. */
  public static OciReference parse(String text) {
    if (!text.startsWith("oci://")) {
      throw new IllegalArgumentException("an OCI reference starts with oci://, not \"" + text + "\"");
    }
    String rest = text.substring("oci://".length());
    Optional<Digest> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(Digest.parse(rest.substring(at + 1))
          .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\": the part after @ is not a sha256 digest")));
      rest = rest.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("\"" + text + "\" names no repository: write oci://host/path/chart");
    }
    String registry = rest.substring(0, slash).toLowerCase(Locale.ROOT);
    String path = rest.substring(slash + 1);
    Optional<String> tag = Optional.empty();
    int colon = path.lastIndexOf(':');
    if (colon > path.lastIndexOf('/')) {
      tag = Optional.of(path.substring(colon + 1));
      path = path.substring(0, colon);
    }
    return new OciReference(registry, path, tag, digest);
  }

  /** The same repository at {@code version} (a chart version; '+' becomes '_'). */
  public OciReference withVersion(String version) {
    return new OciReference(registry, repository, Optional.of(tagOf(version)), Optional.empty());
  }

  /** The repository {@code name} below this one: where {@code helm push} puts chart {@code name}. */
  public OciReference child(String name) {
    return new OciReference(registry, repository + "/" + name, Optional.empty(), Optional.empty());
  }

  /** The last path element: the chart's name by Helm's convention. */
  public String chartName() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  /** A chart version as a tag: Helm writes '+' as '_'. */
  public static String tagOf(String version) {
    return version.replace('+', '_');
  }

  /** A tag as a chart version. */
  public static String versionOf(String tag) {
    return tag.replace('_', '+');
  }

  @Override
  public String toString() {
    return "oci://" + registry + "/" + repository + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}

package dev.capstan.agent.application;

import dev.capstan.chart.render.ManifestSelection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a source's newer fields: {@code directory}, {@code valuesFrom}, {@code $name/path}
 * values files, and what a named source may hold. Part of {@link ApplicationValidator}.
 */
final class SourceFields {
  /** A ConfigMap or Secret key, as Kubernetes allows them. */
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

  private SourceFields() {}

  static void checkValuesFile(String file, String field, Set<String> references, List<Violation> out) {
    if (file == null || file.isBlank()) {
      out.add(new Violation(field, "must name a values file"));
      return;
    }
    if (!file.startsWith("$")) {
      if (!ApplicationValidator.isRelative(file)) {
        out.add(new Violation(field, "must be a file inside the chart folder, got \"" + file + "\""));
      }
      return;
    }
    int slash = file.indexOf('/');
    String name = slash < 0 ? file.substring(1) : file.substring(1, slash);
    String path = slash < 0 ? "" : file.substring(slash + 1);
    if (!references.contains(name)) {
      out.add(new Violation(field, "\"$" + name + "\" names no source of spec.sources"
          + (references.isEmpty() ? " (none has a name)" : " (named: " + String.join(", ", references.stream().sorted().toList()) + ")")));
    } else if (path.isEmpty() || path.endsWith("/") || !ApplicationValidator.isRelative(path)) {
      out.add(new Violation(field, "must be $" + name + "/ and a file inside that repository, got \"" + file + "\""));
    }
  }

  /**
   * {@code verify}: a mode Capstan knows and that fits the source (Git modes sign commits and tags,
   * {@code Provenance} a chart's {@code .prov}), and a Secret name for the keys.
   */
  static void checkVerify(Source source, String field, List<Violation> out) {
    SourceVerify verify = source.verify();
    String mode = verify.modeFor(source);
    if (!verify.knownMode()) {
      out.add(new Violation(field + ".verify.mode", "must be HEAD, Tag or TagAndHEAD (Git) or Provenance (a chart from a repository "
          + "or registry), got \"" + verify.mode() + "\""));
    } else if (source.isChartSource() && !SourceVerify.PROVENANCE.equals(mode)) {
      out.add(new Violation(field + ".verify.mode", mode + " checks signed Git commits or tags; a chart from a repository or registry "
          + "is verified by its provenance file: use Provenance"));
    } else if (!source.isChartSource() && SourceVerify.PROVENANCE.equals(mode)) {
      out.add(new Violation(field + ".verify.mode", "Provenance checks a chart's .prov from a Helm repository or OCI registry; "
          + "a Git source is verified with HEAD, Tag or TagAndHEAD"));
    }
    if (verify.secretRef() == null || !ApplicationValidator.isObjectName(verify.secretRef())) {
      out.add(new Violation(field + ".verify.secretRef",
          "must name a Secret holding the trusted public keys, got \"" + verify.secretRef() + "\""));
    }
  }

  static void checkDirectory(Source source, String field, List<Violation> out) {
    if (source.directory() == null) {
      return;
    }
    try {
      new ManifestSelection(source.directory().isRecurse(), source.directory().include(), source.directory().exclude()).validate();
    } catch (IllegalArgumentException e) {
      String which = source.directory().include() != null && badGlob(source.directory().include()) ? "include" : "exclude";
      out.add(new Violation(field + ".directory." + which, e.getMessage()));
    }
    if (!source.valuesFilesOrEmpty().isEmpty() || !source.valuesOrEmpty().isEmpty() || !source.valuesFromOrEmpty().isEmpty()) {
      out.add(new Violation(field + ".directory", "plain manifests are not templated and take no values; "
          + "remove valuesFiles, values and valuesFrom, or deploy a chart"));
    }
  }

  private static boolean badGlob(String glob) {
    try {
      new ManifestSelection(false, glob, null).validate();
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  static void checkValuesFrom(List<ValuesFrom> valuesFrom, String field, List<Violation> out) {
    for (int i = 0; i < valuesFrom.size(); i++) {
      ValuesFrom v = valuesFrom.get(i);
      String at = field + "[" + i + "]";
      if (!"ConfigMap".equals(v.kind()) && !"Secret".equals(v.kind())) {
        out.add(new Violation(at + ".kind", "must be ConfigMap or Secret, got \"" + v.kind() + "\""));
      }
      if (v.name() == null || !ApplicationValidator.isObjectName(v.name())) {
        out.add(new Violation(at + ".name", "must name a " + (v.kind() == null ? "ConfigMap or Secret" : v.kind()) + ", got \"" + v.name() + "\""));
      }
      if (!KEY.matcher(v.valuesKeyOrDefault()).matches()) {
        out.add(new Violation(at + ".valuesKey", "must be a key of letters, digits, '-', '_' and '.', got \"" + v.valuesKey() + "\""));
      }
    }
  }

  /** A named source only provides files: what would configure a deployment has no effect there, so it is refused. */
  static void checkReference(Source source, String field, List<Violation> out) {
    if (!source.valuesFilesOrEmpty().isEmpty()) {
      out.add(new Violation(field + ".valuesFiles", "a named source only provides files to the others; set valuesFiles on the deployed source"));
    }
    if (!source.valuesOrEmpty().isEmpty()) {
      out.add(new Violation(field + ".values", "a named source only provides files to the others; set values on the deployed source"));
    }
    if (!source.valuesFromOrEmpty().isEmpty()) {
      out.add(new Violation(field + ".valuesFrom", "a named source only provides files to the others; set valuesFrom on the deployed source"));
    }
    if (source.directory() != null) {
      out.add(new Violation(field + ".directory", "a named source only provides files to the others and is not deployed"));
    }
    if (source.isChartSource()) {
      out.add(new Violation(field + ".name", "a chart from a repository or registry is deployed, not named; "
          + "named sources are Git repositories that provide values files"));
    }
  }
}

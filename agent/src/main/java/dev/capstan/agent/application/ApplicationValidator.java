package dev.capstan.agent.application;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks an Application spec before anything is fetched or applied. Every problem is collected, so a
 * user sees all of them at once in the Application's {@code Stalled} condition.
 */
public final class ApplicationValidator {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  /** A Kubernetes object name (DNS-1123 subdomain): no separators, no {@code ..}, nothing a path could escape with. */
  private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final AgentPolicy policy;

  public ApplicationValidator(AgentPolicy policy) {
    this.policy = policy;
  }

  public AgentPolicy policy() {
    return policy;
  }

  public List<Violation> validate(Application app) {
    List<Violation> out = new ArrayList<>();
    ApplicationSpec spec = app.getSpec();
    if (spec == null) {
      out.add(new Violation("spec", "is required"));
      return out;
    }
    checkSources(spec, out);
    checkDestination(spec.destination(), out);
    checkSyncPolicy(spec.syncPolicyOrDefault(), out);
    checkWindows(spec.syncWindowsOrEmpty(), out);
    String name = app.getMetadata() == null ? null : app.getMetadata().getName();
    for (int i = 0; i < spec.dependsOnOrEmpty().size(); i++) {
      String dep = spec.dependsOnOrEmpty().get(i);
      if (dep == null || dep.isBlank()) {
        out.add(new Violation("spec.dependsOn[" + i + "]", "must name an application"));
      } else if (dep.equals(name)) {
        out.add(new Violation("spec.dependsOn[" + i + "]", "an application cannot depend on itself"));
      }
    }
    return out;
  }

  private void checkSources(ApplicationSpec spec, List<Violation> out) {
    List<Source> sources = spec.sources();
    if (sources == null || sources.isEmpty()) {
      checkSource(spec.source(), "spec.source", Set.of(), out);
      return;
    }
    if (spec.source() != null) {
      out.add(new Violation("spec.sources", "set spec.source or spec.sources, not both"));
    }
    Set<String> names = new HashSet<>();
    int deployed = 0;
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      if (s != null && s.isReference()) {
        if (!DNS_LABEL.matcher(s.name()).matches()) {
          out.add(new Violation("spec.sources[" + i + "].name", "must be a lower-case name (letters, digits, '-'), got \"" + s.name() + "\""));
        } else if (!names.add(s.name())) {
          out.add(new Violation("spec.sources[" + i + "].name", "\"" + s.name() + "\" names two sources"));
        }
      } else {
        deployed++;
      }
    }
    if (deployed != 1) {
      out.add(new Violation("spec.sources", "exactly one source must have no name: the one whose chart or manifests are deployed "
          + "(named sources only provide files as $name/path); found " + deployed));
    }
    for (int i = 0; i < sources.size(); i++) {
      checkSource(sources.get(i), "spec.sources[" + i + "]", names, out);
    }
  }

  private void checkSource(Source source, String field, Set<String> references, List<Violation> out) {
    if (source == null) {
      out.add(new Violation(field, "is required"));
      return;
    }
    if (source.repoURL() == null || source.repoURL().isBlank()) {
      out.add(new Violation(field + ".repoURL", "is required"));
    } else if (!policy.localRepositories() && isLocal(source.repoURL())) {
      out.add(new Violation(field + ".repoURL", "a local repository (" + source.repoURL()
          + ") is refused by this agent; start it with --allow-local-repositories to allow file:// sources"));
    }
    String secretRef = source.secretRef();
    if (secretRef != null && !secretRef.isBlank() && !isObjectName(secretRef)) {
      out.add(new Violation(field + ".secretRef",
          "must name a Secret (lower-case letters, digits, '-' and '.', at most 253), got \"" + secretRef + "\""));
    }
    if (source.verify() != null) {
      SourceFields.checkVerify(source, field, out);
    }
    String path = source.path();
    if (path != null && !isRelative(path)) {
      out.add(new Violation(field + ".path", "must be a relative folder inside the repository, got \"" + path + "\""));
    }
    if (source.isReference()) {
      SourceFields.checkReference(source, field, out);
      return;
    }
    if (source.isChartSource()) {
      ChartSourceFields.check(source, field, out);
    }
    for (int i = 0; i < source.valuesFilesOrEmpty().size(); i++) {
      SourceFields.checkValuesFile(source.valuesFilesOrEmpty().get(i), field + ".valuesFiles[" + i + "]", references, out);
    }
    SourceFields.checkDirectory(source, field, out);
    SourceFields.checkValuesFrom(source.valuesFromOrEmpty(), field + ".valuesFrom", out);
  }

  /** A path inside a repository or folder: not absolute, no {@code ..} segment. */
  static boolean isRelative(String path) {
    return !path.startsWith("/") && !List.of(path.split("/")).contains("..");
  }

  /** {@code file://} URLs and plain paths: what reads the agent's own disk rather than a Git server. */
  private static boolean isLocal(String url) {
    String u = url.strip().toLowerCase(java.util.Locale.ROOT);
    return u.startsWith("file:") || u.startsWith("/") || u.startsWith(".") || u.matches("[a-z]:[\\\\/].*");
  }

  /** Whether {@code name} is a valid Kubernetes object name, so it can name a Secret or a folder safely. */
  public static boolean isObjectName(String name) {
    return name.length() <= 253 && OBJECT_NAME.matcher(name).matches();
  }

  private void checkDestination(Destination destination, List<Violation> out) {
    if (destination == null || destination.namespace() == null || destination.namespace().isBlank()) {
      out.add(new Violation("spec.destination.namespace", "is required"));
      return;
    }
    String ns = destination.namespace();
    if (!DNS_LABEL.matcher(ns).matches()) {
      out.add(new Violation("spec.destination.namespace", "\"" + ns + "\" is not a valid namespace name"));
    } else if (!policy.allowsNamespace(ns)) {
      out.add(new Violation("spec.destination.namespace",
          "namespace \"" + ns + "\" is not one this agent may deploy to (allowed: " + String.join(", ", policy.allowedNamespaces()) + ")"));
    }
    String release = destination.releaseName();
    if (release != null && !DNS_LABEL.matcher(release).matches()) {
      out.add(new Violation("spec.destination.releaseName", "\"" + release + "\" is not a valid release name"));
    }
    String cluster = destination.cluster();
    if (cluster != null && !isObjectName(cluster)) {
      out.add(new Violation("spec.destination.cluster", "\"" + cluster + "\" is not a valid cluster name"));
    }
  }

  private static void checkSyncPolicy(SyncPolicy policy, List<Violation> out) {
    duration("spec.syncPolicy.interval", policy.intervalOrDefault(), out);
    duration("spec.syncPolicy.timeout", policy.timeoutOrDefault(), out);
    if (policy.historyLimitOrDefault() < 1) {
      out.add(new Violation("spec.syncPolicy.historyLimit", "must be at least 1"));
    }
    SyncPolicy.Retry retry = policy.retryOrDefault();
    if (retry.limitOrDefault() < 0) {
      out.add(new Violation("spec.syncPolicy.retry.limit", "must not be negative"));
    }
    duration("spec.syncPolicy.retry.backoff", retry.backoffOrDefault(), out);
  }

  private static void checkWindows(List<SyncWindow> windows, List<Violation> out) {
    for (int i = 0; i < windows.size(); i++) {
      SyncWindow w = windows.get(i);
      String field = "spec.syncWindows[" + i + "]";
      if (w.kind() == null) {
        out.add(new Violation(field + ".kind", "must be deny or allow"));
      }
      ZoneId zone = ZoneId.of("UTC");
      if (w.timeZone() != null) {
        zone = tryParse(field + ".timeZone", () -> ZoneId.of(w.timeZone()), out, ZoneId.of("UTC"));
      }
      ZoneId z = zone;
      check(field + ".schedule", () -> CronSchedule.parse(w.schedule(), z), out);
      duration(field + ".duration", w.duration(), out);
    }
  }

  private static void duration(String field, String value, List<Violation> out) {
    check(field, () -> SpecDuration.parse(value), out);
  }

  private static void check(String field, Runnable parse, List<Violation> out) {
    tryParse(field, () -> {
      parse.run();
      return null;
    }, out, null);
  }

  private static <T> T tryParse(String field, Supplier<T> parse, List<Violation> out, T fallback) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      out.add(new Violation(field, e.getMessage()));
      return fallback;
    }
  }
}

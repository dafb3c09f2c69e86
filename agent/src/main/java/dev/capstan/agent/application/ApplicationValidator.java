package dev.capstan.agent.application;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
    checkSource(spec.source(), out);
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

  private void checkSource(Source source, List<Violation> out) {
    if (source == null) {
      out.add(new Violation("spec.source", "is required"));
      return;
    }
    if (source.repoURL() == null || source.repoURL().isBlank()) {
      out.add(new Violation("spec.source.repoURL", "is required"));
    } else if (!policy.localRepositories() && isLocal(source.repoURL())) {
      out.add(new Violation("spec.source.repoURL", "a local repository (" + source.repoURL()
          + ") is refused by this agent; start it with --allow-local-repositories to allow file:// sources"));
    }
    String secretRef = source.secretRef();
    if (secretRef != null && !secretRef.isBlank() && !isObjectName(secretRef)) {
      out.add(new Violation("spec.source.secretRef",
          "must name a Secret (lower-case letters, digits, '-' and '.', at most 253), got \"" + secretRef + "\""));
    }
    SourceVerify verify = source.verify();
    if (verify != null) {
      if (!verify.knownMode()) {
        out.add(new Violation("spec.source.verify.mode", "must be HEAD, Tag or TagAndHEAD, got \"" + verify.mode() + "\""));
      }
      if (verify.secretRef() == null || !isObjectName(verify.secretRef())) {
        out.add(new Violation("spec.source.verify.secretRef",
            "must name a Secret holding the trusted public keys, got \"" + verify.secretRef() + "\""));
      }
    }
    String path = source.path();
    if (path != null && (path.startsWith("/") || List.of(path.split("/")).contains(".."))) {
      out.add(new Violation("spec.source.path", "must be a relative folder inside the repository, got \"" + path + "\""));
    }
    for (int i = 0; i < source.valuesFilesOrEmpty().size(); i++) {
      String file = source.valuesFilesOrEmpty().get(i);
      if (file == null || file.startsWith("/") || List.of(file.split("/")).contains("..")) {
        out.add(new Violation("spec.source.valuesFiles[" + i + "]", "must be a file inside the chart folder, got \"" + file + "\""));
      }
    }
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

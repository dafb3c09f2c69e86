package dev.capstan.chart.gochart;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.ChartDescription;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.chart.Dependency;
import dev.capstan.chart.gotemplate.GoFunc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helm's top-level objects as its engine builds them (chartutil.ToRenderValues and recAllTpls):
 * {@code .Chart} (chart.Metadata embedded in a struct with IsRoot), {@code .Release} (a map),
 * {@code .Capabilities} (*chartutil.Capabilities with KubeVersion, APIVersions and HelmVersion).
 */
final class HelmObjects {
  /**
   * What {@code .Capabilities.HelmVersion} reports: the build of Helm whose template behaviour
   * Capstan reproduces (v3.17.2), field for field, so charts that test it take Helm's branch.
   */
  static final String HELM_VERSION = "v3.17.2";

  static final String HELM_GIT_COMMIT = "cc0bbbd6d6276b83880042c1ecb34087e84d41eb";

  static final String GO_VERSION = "go1.23.7";

  private HelmObjects() {}

  /** {@code .Release}: Service is "Helm", as charts compare it and as helm template prints it. */
  static Map<String, Object> release(String name, String namespace, int revision, boolean isUpgrade) {
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("Name", name);
    release.put("Namespace", namespace);
    release.put("IsUpgrade", isUpgrade);
    release.put("IsInstall", !isUpgrade);
    release.put("Revision", revision);
    release.put("Service", "Helm");
    return release;
  }

  /** {@code .Chart}: struct { chart.Metadata; IsRoot bool }, fields in chart.Metadata's order. */
  static StructValue chart(ChartMetadata m, boolean isRoot) {
    ChartDescription d = m.more();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Name", m.name());
    fields.put("Home", nz(d.home()));
    fields.put("Sources", new ArrayList<Object>(d.sources()));
    fields.put("Version", m.version());
    fields.put("Description", nz(m.description()));
    fields.put("Keywords", new ArrayList<Object>(d.keywords()));
    List<Object> maintainers = new ArrayList<>();
    for (ChartDescription.Maintainer mt : d.maintainers()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("Name", nz(mt.name()));
      f.put("Email", nz(mt.email()));
      f.put("URL", nz(mt.url()));
      maintainers.add(StructValue.of("*chart.Maintainer", f));
    }
    fields.put("Maintainers", maintainers);
    fields.put("Icon", nz(d.icon()));
    fields.put("APIVersion", m.apiVersion());
    fields.put("Condition", "");
    fields.put("Tags", "");
    fields.put("AppVersion", nz(m.appVersion()));
    fields.put("Deprecated", d.deprecated());
    fields.put("Annotations", new LinkedHashMap<String, Object>(d.annotations()));
    fields.put("KubeVersion", nz(m.kubeVersion()));
    List<Object> deps = new ArrayList<>();
    for (Dependency dep : m.dependencies()) {
      deps.add(dependency(dep));
    }
    fields.put("Dependencies", deps);
    fields.put("Type", nz(d.typeAsWritten()));
    StructValue metadata = StructValue.of("chart.Metadata", fields);
    Map<String, Object> outer = new LinkedHashMap<>(fields);
    outer.put("IsRoot", isRoot);
    outer.put("Metadata", metadata);
    return StructValue.of("struct { chart.Metadata; IsRoot bool }", outer, List.of(),
        s -> "{" + metadata.format() + " " + isRoot + "}");
  }

  private static StructValue dependency(Dependency dep) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("Name", dep.name());
    f.put("Version", "");
    f.put("Repository", nz(dep.repository()));
    f.put("Condition", nz(dep.condition()));
    f.put("Tags", new ArrayList<Object>(dep.tags()));
    f.put("Enabled", false);
    f.put("ImportValues", new ArrayList<>());
    f.put("Alias", nz(dep.alias()));
    return StructValue.of("*chart.Dependency", f);
  }

  /**
   * {@code .Capabilities}. {@code kubeVersion} is v-prefixed ({@code v1.32.0}); {@code apiVersions}
   * are Helm's defaults plus {@code --api-versions}.
   */
  static StructValue capabilities(String kubeVersion, long major, long minor, List<String> apiVersions) {
    Map<String, Object> kube = new LinkedHashMap<>();
    kube.put("Version", kubeVersion);
    kube.put("Major", Long.toString(major));
    kube.put("Minor", Long.toString(minor));
    StructValue kubeVersionStruct = StructValue.of("chartutil.KubeVersion", kube, List.of(
        GoFunc.of("GitVersion", List.of(), a -> kubeVersion),
        GoFunc.of("String", List.of(), a -> kubeVersion)), s -> kubeVersion);
    Map<String, Object> helm = new LinkedHashMap<>();
    helm.put("Version", HELM_VERSION);
    helm.put("GitCommit", HELM_GIT_COMMIT);
    helm.put("GitTreeState", "clean");
    helm.put("GoVersion", GO_VERSION);
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("KubeVersion", kubeVersionStruct);
    caps.put("APIVersions", new VersionSet(apiVersions));
    caps.put("HelmVersion", StructValue.of("version.BuildInfo", helm));
    return StructValue.of("*chartutil.Capabilities", caps);
  }

  /** chartutil.VersionSet: a []string with a Has method. */
  static final class VersionSet extends java.util.AbstractList<Object> implements dev.capstan.chart.gotemplate.GoNamed {
    private final List<String> versions;
    private final Set<String> lookup;

    VersionSet(List<String> versions) {
      this.versions = List.copyOf(versions);
      this.lookup = Set.copyOf(versions);
    }

    @Override
    public Object get(int index) {
      return versions.get(index);
    }

    @Override
    public int size() {
      return versions.size();
    }

    @Override
    public String goTypeName() {
      return "chartutil.VersionSet";
    }

    @Override
    public GoFunc method(String name) {
      return name.equals("Has") ? GoFunc.of("Has", List.of(STRING), a -> lookup.contains((String) a.get(0))) : null;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

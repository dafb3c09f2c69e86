package dev.capstan.chart.lint;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.TemplateLanguage;
import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chart.archive.ChartArchiveReader;
import dev.capstan.chart.render.ManifestLimits;
import dev.capstan.chart.render.ManifestSelection;
import dev.capstan.chart.render.PartialRender;
import dev.capstan.chart.render.PlainManifests;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.template.ChartEngine;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code capstan lint}: checks a chart directory, or a chart already loaded (the agent's previews
 * read it from Git), and returns every finding (see the package doc for what is checked). Both
 * entries share every check. Reusable and thread-safe; it never prints.
 */
public final class Linter {
  private final Renderer renderer;
  private final KubeSchemas schemas;

  public Linter() {
    this(new Renderer(), new KubeSchemas());
  }

  public Linter(Renderer renderer, KubeSchemas schemas) {
    this.renderer = renderer;
    this.schemas = schemas;
  }

  /**
   * Lints the chart in {@code chartDir} (or in the chart archive it names, unpacked to a temporary
   * folder first, as {@code helm lint} does), rendered with {@code options} (release, values, ...).
   */
  public LintReport lint(Path chartDir, RenderOptions options) {
    if (Files.isRegularFile(chartDir)) {
      return lintArchive(chartDir, options);
    }
    List<LintFinding> findings = new ArrayList<>();
    Path chartYaml = chartDir.resolve("Chart.yaml");
    if (!Files.isRegularFile(chartYaml)) {
      findings.add(LintFinding.error(chartYaml.normalize().toString(), 0, "file not found: " + chartDir + " is not a chart"));
      return new LintReport(findings);
    }
    if (!ChartPlaces.insideChart(chartDir, chartYaml)) {
      findings.add(LintFinding.error(chartYaml.normalize().toString(), 0, "is a symlink that leaves the chart"));
      return new LintReport(findings);
    }
    String chartfile = read(chartYaml);
    ChartfileChecks.Result chartYamlChecks = ChartfileChecks.check(chartYaml.normalize().toString(), chartfile);
    findings.addAll(chartYamlChecks.findings());
    if (new LintReport(findings).hasErrors()) {
      return new LintReport(findings);
    }
    ChartPlaces places = ChartPlaces.onDisk(chartDir, chartNames(chartDir, chartYamlChecks.name()));
    Chart chart;
    try {
      chart = ChartLoader.load(chartDir);
    } catch (CapstanException e) {
      // The chart does not load: the file checks still say what they can, as for a Pebble chart.
      findings.addAll(TemplateFileChecks.check(chartDir, chartYamlChecks.library(), true, places::file));
      findings.add(places.finding(e));
      return new LintReport(findings);
    }
    boolean pebble = chart.language() == TemplateLanguage.PEBBLE;
    findings.addAll(TemplateFileChecks.check(chartDir, chartYamlChecks.library(), pebble, places::file));
    findings.addAll(renderAndCheck(chart, options, places, () -> renderer.renderEach(chart, options)));
    return new LintReport(findings);
  }

  /**
   * Lints a chart already loaded, from a Git tree say, as {@link #lint(Path, RenderOptions)} lints a
   * folder: its Chart.yaml, its template files, then each template rendered with {@code userValues}
   * (already loaded; {@code options.values()} is not read) and the objects checked. Findings name
   * files under {@code folder}, the chart's folder as its user knows it ({@code apps/web}, or "" for
   * the root of a repository).
   */
  public LintReport lint(Chart chart, String folder, RenderOptions options, Map<String, Object> userValues) {
    Set<String> names = new HashSet<>(Set.of(chart.name()));
    if (!folder.isEmpty()) {
      names.add(Path.of(folder).getFileName().toString());
    }
    ChartPlaces places = new ChartPlaces(folder, Set.copyOf(names),
        inChart -> chart.files().exists(inChart) ? new String(chart.files().read(inChart), StandardCharsets.UTF_8) : null);
    String chartYaml = places.file("Chart.yaml");
    String chartfile = places.readIfPresent(chart.name() + "/Chart.yaml");
    if (chartfile == null) {
      return new LintReport(List.of(LintFinding.error(chartYaml, 0, "file not found: " + folder + " is not a chart")));
    }
    ChartfileChecks.Result chartYamlChecks = ChartfileChecks.check(chartYaml, chartfile);
    List<LintFinding> findings = new ArrayList<>(chartYamlChecks.findings());
    if (new LintReport(findings).hasErrors()) {
      return new LintReport(findings);
    }
    boolean pebble = chart.language() == TemplateLanguage.PEBBLE;
    findings.addAll(TemplateFileChecks.check(chart.templates(), chartYamlChecks.library(), pebble, places::file));
    findings.addAll(renderAndCheck(chart, options, places, () -> renderer.renderEach(chart, options, userValues)));
    return new LintReport(findings);
  }

  /** Renders each template ({@code render}) and checks what rendered; a library chart only has macros to compile. */
  private List<LintFinding> renderAndCheck(Chart chart, RenderOptions options, ChartPlaces places, Supplier<PartialRender> render) {
    try {
      if (!chart.metadata().isLibrary()) {
        return renderFindings(render.get(), places);
      } else if (chart.language() == TemplateLanguage.PEBBLE) {
        ChartEngine.compile(chart, options.limits().maxOutputChars()); // a library only has macros to check
      }
      return List.of();
    } catch (CapstanException e) {
      return List.of(places.finding(e));
    }
  }

  /**
   * Lints a folder of plain manifests (no {@code Chart.yaml}): the files {@code selection} picks are
   * read as the agent reads them ({@link PlainManifests}; a file that does not parse, or an empty
   * selection, is one error), then every object is checked as a rendered chart's objects are.
   */
  public LintReport lintManifests(Path dir, ManifestSelection selection, String namespace) {
    Path folder = dir.toAbsolutePath().normalize().getFileName();
    String name = folder == null ? "manifests" : folder.toString();
    ChartPlaces places = ChartPlaces.onDisk(dir, Set.of(name));
    List<RenderedManifest> manifests;
    try {
      manifests = PlainManifests.read(ChartFiles.of(dir), name, namespace, selection, ManifestLimits.defaults());
    } catch (CapstanException e) {
      // An error about the folder itself (nothing selected, a limit) names it as the user gave it.
      if (!e.where().equals(name)) {
        return new LintReport(List.of(places.finding(e)));
      }
      String message = e.getMessage().startsWith(name + ": ") ? e.getMessage().substring(name.length() + 2) : e.getMessage();
      return new LintReport(List.of(LintFinding.error(dir.toString(), 0, message)));
    }
    List<Map<?, ?>> pods = ServiceChecks.podTemplates(manifests.stream().map(RenderedManifest::object).toList());
    List<LintFinding> findings = objectFindings(manifests, Optional.of(pods), places);
    findings.sort(Comparator.comparing(LintFinding::path).thenComparing(f -> f.line() == 0 ? Integer.MAX_VALUE : f.line()));
    return new LintReport(findings);
  }

  private LintReport lintArchive(Path archive, RenderOptions options) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("capstan-lint-");
      Path dir = tmp.resolve("chart");
      ChartArchiveReader.unpack(archive, dir, ArchiveLimits.defaults());
      // Findings name files inside the archive ("web-1.0.0.tgz:templates/x.yaml"), not the temporary folder.
      String prefix = dir.normalize().toString();
      List<LintFinding> renamed = new ArrayList<>();
      for (LintFinding f : lint(dir, options).findings()) {
        String path = f.path().startsWith(prefix) ? archive + ":" + f.path().substring(prefix.length()).replaceFirst("^/", "")
            : f.path();
        renamed.add(new LintFinding(path, f.line(), f.severity(), f.message()));
      }
      return new LintReport(renamed);
    } catch (IOException e) {
      throw new CapstanException(archive.toString(), "cannot unpack for lint: " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is not worth failing the lint for
    }
  }

  /**
   * One error per template that did not render (an error inside a helper macro names the helper,
   * so templates that all call it share one finding), then the checks of the objects that did.
   * The Service checks need every pod of the chart, so they wait until all templates render.
   */
  private List<LintFinding> renderFindings(PartialRender result, ChartPlaces places) {
    List<LintFinding> findings = new ArrayList<>(new LinkedHashSet<>(result.errors().stream().map(places::finding).toList()));
    Optional<List<Map<?, ?>>> pods = result.errors().isEmpty()
        ? Optional.of(ServiceChecks.podTemplates(result.manifests().stream().map(RenderedManifest::object).toList()))
        : Optional.empty();
    findings.addAll(objectFindings(result.manifests(), pods, places));
    // Read top to bottom: by file, then line (unknown lines last); equal places keep render order.
    findings.sort(Comparator.comparing(LintFinding::path)
        .thenComparing(f -> f.line() == 0 ? Integer.MAX_VALUE : f.line()));
    return findings;
  }

  private List<LintFinding> objectFindings(List<RenderedManifest> manifests, Optional<List<Map<?, ?>>> pods,
      ChartPlaces places) {
    List<LintFinding> findings = new ArrayList<>();
    Set<String> unknownKinds = new HashSet<>();
    Map<String, String> templates = new HashMap<>();
    for (RenderedManifest manifest : manifests) {
      String file = places.renderedFile(manifest.source());
      String template = templates.computeIfAbsent(file, f -> places.readIfPresent(manifest.source()));
      String id = manifest.kind() + "/" + manifest.name();
      List<ObjectFinding> objectFindings = new ArrayList<>(check(manifest, unknownKinds));
      pods.ifPresent(all -> objectFindings.addAll(ServiceChecks.check(manifest.object(), all)));
      for (ObjectFinding finding : objectFindings) {
        int line = locate(manifest.yaml(), template, finding.path());
        findings.add(new LintFinding(file, line, finding.severity(), id + ": " + finding.message()));
      }
    }
    return findings;
  }

  private List<ObjectFinding> check(RenderedManifest manifest, Set<String> unknownKinds) {
    List<ObjectFinding> findings = new ArrayList<>();
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    if (schemas.knows(apiVersion, kind)) {
      schemas.check(manifest.object()).forEach(v -> findings.add(ObjectFinding.of(v)));
    } else if (schemas.isBuiltInGroup(apiVersion)) {
      List<String> served = schemas.apiVersionsOf(kind);
      findings.add(new ObjectFinding(Severity.ERROR, List.of("apiVersion"), served.isEmpty()
          ? apiVersion + " has no kind " + kind + " in Kubernetes " + schemas.kubernetesVersion()
          : apiVersion + " " + kind + " is not served by Kubernetes " + schemas.kubernetesVersion()
              + "; use " + String.join(" or ", served)));
    } else if (unknownKinds.add(apiVersion + "/" + kind)) {
      findings.add(new ObjectFinding(Severity.INFO, List.of("kind"),
          apiVersion + " " + kind + " is not a built-in kind (a custom resource?): not checked against a schema"));
    }
    findings.addAll(ObjectChecks.check(manifest.object()));
    return findings;
  }

  /**
   * The template line that wrote the field at {@code path}: its line in the rendered document,
   * matched back to the template text. When that line cannot be matched (a missing field, or one
   * written by a macro) the nearest enclosing field that can is used, e.g. the {@code labels:} line
   * under which a macro wrote a bad label.
   */
  private static int locate(String rendered, String template, List<Object> path) {
    if (template == null) {
      return 0;
    }
    for (int depth = path.size(); depth > 0; depth--) {
      List<Object> at = path.subList(0, depth);
      int renderedLine = YamlLines.lineOf(rendered, at);
      Object last = at.get(at.size() - 1);
      int line = renderedLine == 0 ? 0
          : TemplateLines.find(template, rendered, renderedLine, last instanceof String key ? key : null);
      if (line > 0) {
        return line;
      }
    }
    return 0;
  }

  private static Set<String> chartNames(Path chartDir, String chartName) {
    Path folder = chartDir.toAbsolutePath().normalize().getFileName();
    Set<String> names = new HashSet<>();
    names.add(chartName);
    if (folder != null) {
      names.add(folder.toString());
    }
    return Set.copyOf(names);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CapstanException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }
}

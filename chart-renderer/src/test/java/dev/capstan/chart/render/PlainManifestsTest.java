package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainManifestsTest {
  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
  }

  private static ChartFiles files(Map<String, String> text) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    text.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return ChartFiles.of(bytes);
  }

  private static final ChartFiles TREE = files(Map.of(
      "web.yaml", configMap("web") + "---\n# only a comment\n---\n" + configMap("web-extra"),
      "ns.yml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n",
      "svc.json", "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n\t\"metadata\": {\"name\": \"from-json\"}\n}\n",
      "README.md", "not a manifest",
      "db/db.yaml", configMap("db"),
      "db/db-test.yaml", configMap("db-test"),
      "db/deep/cache.yaml", configMap("cache")));

  private static List<String> names(List<RenderedManifest> manifests) {
    return manifests.stream().map(RenderedManifest::name).toList();
  }

  private static List<RenderedManifest> read(ManifestSelection selection) {
    return PlainManifests.read(TREE, "apps/web", "shop", selection, ManifestLimits.defaults());
  }

  @Test
  void readsTheFoldersOwnYamlAndJsonFilesInApplyOrder() {
    List<RenderedManifest> manifests = read(ManifestSelection.defaults());

    assertThat(names(manifests)).containsExactly("shop", "from-json", "web", "web-extra");
    assertThat(manifests.get(0).source()).isEqualTo("apps/web/ns.yml");
    assertThat(manifests.get(2).source()).isEqualTo("apps/web/web.yaml");
  }

  @Test
  void recurseReadsEveryFolderAndIncludeExcludeNarrowIt() {
    assertThat(names(read(new ManifestSelection(true, null, null))))
        .containsExactlyInAnyOrder("shop", "from-json", "web", "web-extra", "db", "db-test", "cache");
    assertThat(names(read(new ManifestSelection(true, "db/*", "*-test.yaml")))).containsExactlyInAnyOrder("db", "cache");
    assertThat(names(read(new ManifestSelection(true, "{ns.yml,db/deep/*}", null)))).containsExactlyInAnyOrder("shop", "cache");
    assertThat(names(read(new ManifestSelection(false, "*.json", null)))).containsExactly("from-json");
    assertThat(names(read(new ManifestSelection(true, "db/db?yaml", null)))).containsExactly("db");
    assertThat(names(read(new ManifestSelection(true, "db/d[!e]*", null)))).containsExactlyInAnyOrder("db", "db-test");
  }

  @Test
  void anEmptySelectionIsAnErrorNotAnEmptyRelease() {
    assertThatThrownBy(() -> read(new ManifestSelection(true, "nothing/*", null)))
        .isInstanceOf(ChartException.class)
        .hasMessage("apps/web: no manifest files (.yaml, .yml, .json) selected (recurse, include \"nothing/*\")");
  }

  @Test
  void limitsOnFilesAndTotalSize() {
    assertThatThrownBy(() -> PlainManifests.read(TREE, "apps/web", "shop", new ManifestSelection(true, null, null),
        ManifestLimits.defaults().withMaxFiles(3)))
        .hasMessage("apps/web: 6 manifest files selected, over the limit of 3");
    assertThatThrownBy(() -> PlainManifests.read(TREE, "apps/web", "shop", ManifestSelection.defaults(),
        ManifestLimits.defaults().withMaxTotalBytes(100)))
        .hasMessageStartingWith("apps/web: manifest files hold more than 100 bytes in all (at ");
  }

  @Test
  void badDocumentsNameTheFileAndLine() {
    ChartFiles noKind = files(Map.of("a.yaml", configMap("a") + "---\napiVersion: v1\nmetadata: {name: b}\n"));
    assertThatThrownBy(() -> PlainManifests.read(noKind, "x", "shop", ManifestSelection.defaults(), ManifestLimits.defaults()))
        .isInstanceOf(ManifestException.class)
        .hasMessage("x/a.yaml:8: rendered object has no kind");
    ChartFiles badJson = files(Map.of("a.json", "{\n  \"kind\": \n}"));
    assertThatThrownBy(() -> PlainManifests.read(badJson, "x", "shop", ManifestSelection.defaults(), ManifestLimits.defaults()))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("x/a.json:3: not valid JSON: ");
    ChartFiles twice = files(Map.of("a.yaml", configMap("a"), "b.yaml", configMap("a")));
    assertThatThrownBy(() -> PlainManifests.read(twice, "x", "shop", ManifestSelection.defaults(), ManifestLimits.defaults()))
        .hasMessageContaining("duplicate object ConfigMap shop/a");
  }

  @Test
  void badPatternsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new ManifestSelection(false, "{a,b", null).validate()).hasMessage("unclosed '{' in \"{a,b\"");
    assertThatThrownBy(() -> new ManifestSelection(false, null, "[a-").validate()).hasMessage("unclosed '[' in \"[a-\"");
    assertThatThrownBy(() -> read(new ManifestSelection(false, "a}", null)))
        .isInstanceOf(ChartException.class)
        .hasMessage("apps/web: bad include/exclude pattern: unmatched '}' in \"a}\"");
  }

  @Test
  void aPatternThatWouldBacktrackForeverIsRefusedNamingItAndThePath() {
    String path = "a".repeat(120) + ".yaml";
    ChartFiles tree = files(Map.of(path, configMap("many-a"), "b.yaml", configMap("b")));
    String glob = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";

    assertThatThrownBy(() -> PlainManifests.read(tree, "apps/web", "shop", new ManifestSelection(false, glob, null), ManifestLimits.defaults()))
        .isInstanceOf(ChartException.class)
        .hasMessage("apps/web: bad include/exclude pattern: \"" + glob + "\" is too costly to match against " + path
            + " (over 1000000 steps); use fewer '*'");
  }

  @Test
  void aRunOfStarsMatchesAsOneStar() {
    assertThat(new ManifestSelection(true, "db/***.yaml", null).selects("db/deep/cache.yaml")).isTrue();
    assertThat(new ManifestSelection(true, "**/cache.yaml", null).selects("db/deep/cache.yaml")).isTrue();
    assertThat(new ManifestSelection(true, "**/cache.yaml", null).selects("db/db.yaml")).isFalse();
  }
}

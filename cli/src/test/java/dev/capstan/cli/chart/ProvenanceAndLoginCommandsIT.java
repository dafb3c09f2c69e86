package dev.capstan.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.OciRegistryExtension;
import dev.capstan.testsupport.OpenPgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code package --sign}, {@code pull --verify}, {@code --verify --keyring} on render, and
 * {@code registry login/logout}, as a Helm user types them, against a real registry with basic auth
 * and real Helm 3.17 on the other side of every file: Helm verifies what Capstan signs, Capstan
 * verifies what Helm signs, and each uses the other's registry login.
 */
class ProvenanceAndLoginCommandsIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.withBasicAuth("ci", "s3cret");

  @TempDir static Path tmp;
  static OpenPgpTestKeys capstanKey;
  static OpenPgpTestKeys helmKey;
  static Path chart;

  @BeforeAll
  static void setUp() throws Exception {
    System.setProperty("capstan.cache.dir", tmp.resolve("cache").toString());
    capstanKey = OpenPgpTestKeys.generate("Capstan Release <release@capstan.dev>", "");
    helmKey = OpenPgpTestKeys.generate("Helm Signer <helm@example.com>", "");
    capstanKey.writeSecret(tmp.resolve("capstan-keys"));
    capstanKey.writePublic(tmp.resolve("capstan-keys"));
    helmKey.writeSecret(tmp.resolve("helm-keys"));
    helmKey.writePublic(tmp.resolve("helm-keys"));
    chart = TestChart.write(tmp, "web", "1.4.0");
  }

  @AfterAll
  static void tearDown() {
    System.clearProperty("capstan.cache.dir");
  }

  private static String capstanSecret() {
    return tmp.resolve("capstan-keys/secring.gpg").toString();
  }

  private static String capstanPublic() {
    return tmp.resolve("capstan-keys/pubring.gpg").toString();
  }

  private static String helmPublic() {
    return tmp.resolve("helm-keys/pubring.gpg").toString();
  }

  private static Path signedByCapstan(String dir) {
    Path out = tmp.resolve(dir);
    CliRun pack = CliRun.of("package", chart.toString(), "-d", out.toString(), "--sign", "--key", "Capstan Release",
        "--keyring", capstanSecret());
    assertThat(pack.err()).isEmpty();
    assertThat(pack.out()).isEqualTo("Successfully packaged chart and saved it to: " + out.resolve("web-1.4.0.tgz") + "\n"
        + "Signed by: Capstan Release <release@capstan.dev>\n"
        + "Provenance: " + out.resolve("web-1.4.0.tgz.prov") + "\n");
    return out.resolve("web-1.4.0.tgz");
  }

  private static String sha256(Path file) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void packageSignPassesHelmVerifyAndRenderVerifiesTheArchive() throws Exception {
    Path archive = signedByCapstan("signed");
    String verified = HelmOracle.in(tmp.resolve("helm-verify")).run("verify", archive.toString(), "--keyring", capstanPublic()).ok();
    assertThat(verified).contains("Signed by: Capstan Release <release@capstan.dev>", "Chart Hash Verified: " + sha256(archive));

    CliRun render = CliRun.of("render", archive.toString(), "--verify", "--keyring", capstanPublic());
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).isEqualTo(CliRun.of("render", chart.toString()).out());

    CliRun wrongKey = CliRun.of("render", archive.toString(), "--verify", "--keyring", helmPublic());
    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.out()).isEmpty();
    assertThat(wrongKey.err()).matches("Error: " + java.util.regex.Pattern.quote(archive.toString())
        + ": provenance: signed by key [0-9A-F]{16}, which is not in the keyring " + java.util.regex.Pattern.quote(helmPublic()) + "\n");
  }

  @Test
  void tamperedMissingAndFolderAreOneLineErrors() throws Exception {
    Path archive = signedByCapstan("tampered");
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length - 10] ^= 1;
    Files.write(archive, bytes);
    CliRun tampered = CliRun.of("lint", archive.toString(), "--verify", "--keyring", capstanPublic());
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.err()).startsWith("Error: " + archive + ": provenance: the archive is " + sha256(archive) + " but the .prov signs sha256:")
        .endsWith(" for web-1.4.0.tgz (the archive changed after it was signed)\n").hasLineCount(1);

    Files.delete(archive.resolveSibling("web-1.4.0.tgz.prov"));
    CliRun missing = CliRun.of("render", archive.toString(), "--verify", "--keyring", capstanPublic());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error: " + archive
        + ": provenance: the chart is not signed (no web-1.4.0.tgz.prov beside it), and --verify asks for a signed chart\n");

    CliRun folder = CliRun.of("render", chart.toString(), "--verify", "--keyring", capstanPublic());
    assertThat(folder.code()).isEqualTo(1);
    assertThat(folder.err()).isEqualTo("Error: " + chart
        + ": --verify needs a chart archive (.tgz) or a chart from --repo or oci://: a chart folder carries no provenance\n");

    CliRun gitRevisions = CliRun.of("diff", chart.toString(), "--release", "web", "--from", "HEAD~1", "--to", "HEAD", "--verify");
    assertThat(gitRevisions.code()).isEqualTo(2); // diff's error code, as kubectl diff
    assertThat(gitRevisions.err()).contains("--verify applies to a chart archive or a --repo/oci:// chart, not to Git revisions");
  }

  @Test
  void signedChartsThroughTheRegistryBothWays() throws Exception {
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm-registry"));
    // Capstan signs and pushes (the .prov beside the archive goes along); Helm pulls with --verify.
    Path ours = signedByCapstan("to-registry");
    CliRun push = CliRun.of("push", ours.toString(), REGISTRY.url("signed"), "--plain-http", "--username", "ci", "--password", "s3cret");
    assertThat(push.err()).isEmpty();
    Path helmPulled = Files.createDirectories(tmp.resolve("helm-pulled"));
    helm.run("pull", REGISTRY.url("signed/web"), "--version", "1.4.0", "--plain-http", "--username", "ci", "--password", "s3cret",
        "--verify", "--keyring", capstanPublic(), "--destination", helmPulled.toString()).ok();
    assertThat(helmPulled.resolve("web-1.4.0.tgz.prov")).hasSameBinaryContentAs(ours.resolveSibling("web-1.4.0.tgz.prov"));

    // Helm signs and pushes; Capstan pulls and renders with --verify.
    Path helmChart = TestChart.write(tmp.resolve("helm-src"), "api", "2.0.0");
    Path helmOut = tmp.resolve("helm-out");
    helm.run("package", helmChart.toString(), "--sign", "--key", "Helm Signer", "--keyring",
        tmp.resolve("helm-keys/secring.gpg").toString(), "--destination", helmOut.toString()).ok();
    helm.run("push", helmOut.resolve("api-2.0.0.tgz").toString(), REGISTRY.url("signed"), "--plain-http",
        "--username", "ci", "--password", "s3cret").ok();
    Path pulled = tmp.resolve("capstan-pulled");
    CliRun pull = CliRun.of("pull", REGISTRY.url("signed/api"), "--version", "2.0.0", "--plain-http", "--username", "ci",
        "--password", "s3cret", "--verify", "--keyring", helmPublic(), "-d", pulled.toString());
    assertThat(pull.err()).isEmpty();
    assertThat(pull.out()).contains("Signed by: Helm Signer <helm@example.com>\n",
        "Chart Hash Verified: " + sha256(helmOut.resolve("api-2.0.0.tgz")) + "\n");
    assertThat(pulled.resolve("api-2.0.0.tgz.prov")).hasSameBinaryContentAs(helmOut.resolve("api-2.0.0.tgz.prov"));
    helm.run("verify", pulled.resolve("api-2.0.0.tgz").toString(), "--keyring", helmPublic()).ok();

    CliRun render = CliRun.of("render", REGISTRY.url("signed/api"), "--version", "2.0.0", "--plain-http", "--username", "ci",
        "--password", "s3cret", "--verify", "--keyring", helmPublic());
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).contains("version: \"2.0.0\"");

    CliRun wrongKey = CliRun.of("render", REGISTRY.url("signed/api:2.0.0"), "--plain-http", "--username", "ci",
        "--password", "s3cret", "--verify", "--keyring", capstanPublic());
    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.err()).startsWith("Error: " + REGISTRY.url("signed/api:2.0.0") + ": provenance: signed by key ").hasLineCount(1);
  }

  @Test
  void signedChartsFromAHelmRepository() throws Exception {
    Path repoDir = signedByCapstan("repo").getParent();
    HelmOracle.in(tmp.resolve("helm-repo")).run("repo", "index", repoDir.toString()).ok();
    try (HelmRepositoryServer server = HelmRepositoryServer.serve(repoDir)) {
      String url = server.url().toString();
      CliRun pull = CliRun.of("pull", "web", "--repo", url, "--version", "~1.4", "--verify", "--keyring", capstanPublic(),
          "-d", tmp.resolve("repo-pulled").toString());
      assertThat(pull.err()).isEmpty();
      assertThat(pull.out()).contains("Signed by: Capstan Release <release@capstan.dev>\n");
      assertThat(tmp.resolve("repo-pulled/web-1.4.0.tgz.prov")).hasSameBinaryContentAs(repoDir.resolve("web-1.4.0.tgz.prov"));
      // Helm pulls from the same repository with --verify and accepts Capstan's signature.
      HelmOracle.in(tmp.resolve("helm-repo")).run("pull", "web", "--repo", url, "--version", "1.4.0", "--verify",
          "--keyring", capstanPublic(), "--destination", Files.createDirectories(tmp.resolve("repo-helm-pulled")).toString()).ok();

      Files.delete(repoDir.resolve("web-1.4.0.tgz.prov"));
      CliRun unsigned = CliRun.of("render", "web", "--repo", url, "--verify", "--keyring", capstanPublic());
      assertThat(unsigned.code()).isEqualTo(1);
      assertThat(unsigned.err()).isEqualTo("Error: " + url + "web-1.4.0.tgz: provenance: the chart is not signed "
          + "(no web-1.4.0.tgz.prov), and --verify asks for a signed chart\n");
    }
  }

  @Test
  void capstanLoginIsUsedByHelmAndByCapstan() throws Exception {
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm-login"));
    Path config = tmp.resolve("helm-login/config/registry.json"); // the HELM_REGISTRY_CONFIG HelmOracle gives Helm
    Path archive = tmp.resolve("login-src/web-1.4.0.tgz");
    assertThat(CliRun.of("package", chart.toString(), "-d", archive.getParent().toString()).code()).isZero();

    CliRun wrong = withStdin("hunter2\n", () -> CliRun.of("registry", "login", REGISTRY.host(), "--username", "ci",
        "--password-stdin", "--plain-http", "--registry-config", config.toString(), "--debug"));
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).startsWith("Error: " + REGISTRY.host() + ": the registry refused the credentials (HTTP 401)")
        .doesNotContain("hunter2");
    assertThat(config).doesNotExist();

    CliRun login = withStdin("s3cret\n", () -> CliRun.of("registry", "login", REGISTRY.host(), "--username", "ci",
        "--password-stdin", "--plain-http", "--registry-config", config.toString()));
    assertThat(login.err()).isEmpty();
    assertThat(login.out()).isEqualTo("Login Succeeded\n");
    assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

    CliRun push = CliRun.of("push", archive.toString(), REGISTRY.url("login"), "--plain-http", "--registry-config", config.toString());
    assertThat(push.err()).isEmpty();
    assertThat(push.code()).isZero();
    Path helmPulled = Files.createDirectories(tmp.resolve("login-helm-pulled"));
    helm.run("pull", REGISTRY.url("login/web"), "--version", "1.4.0", "--plain-http", "--destination", helmPulled.toString()).ok();
    assertThat(helmPulled.resolve("web-1.4.0.tgz")).hasSameBinaryContentAs(archive);

    CliRun onTheCommandLine = CliRun.of("registry", "login", REGISTRY.host(), "--username", "ci", "--password", "s3cret",
        "--plain-http", "--registry-config", config.toString());
    assertThat(onTheCommandLine.code()).isZero();
    assertThat(onTheCommandLine.err()).isEqualTo(
        "WARNING: a password on the command line is visible to other users of this machine; use --password-stdin\n");

    CliRun logout = CliRun.of("registry", "logout", REGISTRY.host(), "--registry-config", config.toString());
    assertThat(logout.out()).isEqualTo("Removing login credentials for " + REGISTRY.host() + "\n");
    CliRun afterLogout = CliRun.of("render", REGISTRY.url("login/web:1.4.0"), "--plain-http", "--registry-config", config.toString());
    assertThat(afterLogout.code()).isEqualTo(1);
    assertThat(afterLogout.err()).contains("the registry requires credentials (HTTP 401)");
    CliRun again = CliRun.of("registry", "logout", REGISTRY.host(), "--registry-config", config.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("Error: " + REGISTRY.host() + ": not logged in (no login in " + config + ")\n");
  }

  @Test
  void helmLoginIsUsedByCapstan() throws Exception {
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm-login2"));
    Path config = tmp.resolve("helm-login2/config/registry.json");
    helm.run("registry", "login", REGISTRY.host(), "--username", "ci", "--password", "s3cret", "--insecure").ok();
    assertThat(config).isRegularFile();
    Path archive = tmp.resolve("login2-src/web-1.4.0.tgz");
    assertThat(CliRun.of("package", chart.toString(), "-d", archive.getParent().toString()).code()).isZero();
    helm.run("push", archive.toString(), REGISTRY.url("helmlogin"), "--plain-http").ok();

    CliRun render = CliRun.of("render", REGISTRY.url("helmlogin/web"), "--version", "^1", "--plain-http",
        "--registry-config", config.toString(), "--debug");
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).isEqualTo(CliRun.of("render", chart.toString()).out());

    // The login is for that host only: another host named by the same file gets nothing from it.
    CliRun otherHost = CliRun.of("pull", "oci://127.0.0.1:1/charts/web", "--version", "1.0.0", "--plain-http",
        "--registry-config", config.toString(), "--debug");
    assertThat(otherHost.code()).isEqualTo(1);
    assertThat(otherHost.err()).doesNotContain("s3cret");
  }

  private static CliRun withStdin(String input, java.util.function.Supplier<CliRun> run) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(original);
    }
  }
}

package dev.capstan.cli.chart;

import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.provenance.ProvenanceSigner;
import dev.capstan.chartrepo.provenance.SigningKey;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan package CHART}: writes NAME-VERSION.tgz, an archive Helm reads, as {@code helm package}
 * does; with {@code --sign}, also NAME-VERSION.tgz.prov, signed with a key from a GnuPG secret keyring.
 */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Package a chart folder into NAME-VERSION.tgz, as `helm package` does (Pebble charts too); "
        + "--sign also writes NAME-VERSION.tgz.prov.")
public final class PackageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHART", description = "The chart folder.")
  Path chart;

  @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "Where to write the archive (default: .).")
  Path destination = Path.of(".");

  @Option(names = "--sign", description = "Sign the archive with an OpenPGP key: writes NAME-VERSION.tgz.prov beside it, as Helm does.")
  boolean sign;

  @Option(names = "--key", paramLabel = "NAME", description = "The signing key: part of its user id (name or e-mail), for --sign.")
  String key;

  @Option(names = "--keyring", paramLabel = "FILE",
      description = "GnuPG secret keyring (gpg --export-secret-keys) holding --key (default: $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg).")
  Path keyring;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The key's passphrase, read from FILE (\"-\": stdin), for --sign.")
  String passphraseFile;

  @Override
  public Integer call() {
    if (!sign && (key != null || keyring != null || passphraseFile != null)) {
      throw new CapstanException(key != null ? "--key" : keyring != null ? "--keyring" : "--passphrase-file", "applies only with --sign");
    }
    SigningKey signingKey = null;
    if (sign) {
      if (key == null || key.isBlank()) {
        throw new CapstanException("--sign", "needs --key NAME (part of the signing key's user id)");
      }
      // The key is unlocked before packaging, so a wrong passphrase leaves no archive behind.
      signingKey = SigningKey.load(keyring != null ? keyring : GpgKeyrings.defaultKeyring(System.getenv()), key, passphrase());
    }
    Path written = ChartPackager.pack(chart, destination);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Successfully packaged chart and saved it to: " + written);
    if (signingKey != null) {
      Path prov = written.resolveSibling(written.getFileName() + ".prov");
      try {
        Files.write(prov, ProvenanceSigner.sign(Files.readAllBytes(written), written.getFileName().toString(), signingKey));
      } catch (IOException e) {
        throw new CapstanException(prov.toString(), "cannot write: " + e.getMessage(), e);
      }
      out.println("Signed by: " + signingKey.userId());
      out.println("Provenance: " + prov);
    }
    out.flush();
    return 0;
  }

  private char[] passphrase() {
    if (passphraseFile == null) {
      return new char[0];
    }
    try {
      byte[] bytes;
      if (passphraseFile.equals("-")) {
        InputStream in = System.in;
        bytes = in.readNBytes(64 * 1024);
      } else {
        bytes = Files.readAllBytes(Path.of(passphraseFile));
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      return (newline >= 0 ? text.substring(0, newline) : text).replace("\r", "").toCharArray();
    } catch (IOException e) {
      throw new CapstanException("--passphrase-file " + passphraseFile, "cannot read: " + e.getMessage(), e);
    }
  }
}

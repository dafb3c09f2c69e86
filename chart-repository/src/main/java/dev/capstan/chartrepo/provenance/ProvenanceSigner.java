package dev.capstan.chartrepo.provenance;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chartrepo.cache.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

/**
 * {@code helm package --sign}: the {@code .prov} for a chart archive, clear-signed with SHA-512 as
 * Helm signs, over {@link ProvenanceDocument#text()}. {@code helm verify} accepts what this writes.
 */
public final class ProvenanceSigner {
  private ProvenanceSigner() {}

  /**
   * The provenance of the chart archive {@code archive}, named {@code fileName} ({@code NAME-VERSION.tgz}):
   * the archive is loaded (within the archive limits) for its Chart.yaml, as {@code helm package --sign} does.
   */
  public static byte[] sign(byte[] archive, String fileName, SigningKey key) {
    Chart chart = ChartLoader.loadArchive(archive, fileName, ArchiveLimits.defaults());
    return sign(archive, fileName, new String(chart.files().read("Chart.yaml"), StandardCharsets.UTF_8), key);
  }

  /** The provenance of {@code archive}, named {@code fileName}, whose Chart.yaml is {@code chartYaml}. */
  public static byte[] sign(byte[] archive, String fileName, String chartYaml, SigningKey key) {
    String text = ProvenanceDocument.of(chartYaml, fileName, Digest.of(archive)).text();
    List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    try {
      PGPSignatureGenerator generator = new PGPSignatureGenerator(
          new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512), key.publicKey());
      generator.init(PGPSignature.CANONICAL_TEXT_DOCUMENT, key.privateKey());
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, new Date());
      hashed.setIssuerFingerprint(false, key.publicKey());
      generator.setHashedSubpackets(hashed.generate());
      generator.update(new ClearSignedText(lines, List.of()).signedBytes());

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(bytes);
      armor.beginClearText(HashAlgorithmTags.SHA512);
      // ArmoredOutputStream dash-escapes lines that start with '-' while in clear-text mode.
      armor.write(text.getBytes(StandardCharsets.UTF_8));
      armor.endClearText();
      try (BCPGOutputStream out = new BCPGOutputStream(armor)) {
        generator.generate().encode(out);
      }
      armor.close();
      return bytes.toByteArray();
    } catch (PGPException e) {
      throw new ProvenanceException(key.userId(), ProvenanceException.Reason.KEYRING, "cannot sign: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

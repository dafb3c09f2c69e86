package dev.capstan.chartrepo.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * An OpenPGP clear-signed message (RFC 4880 section 7) taken apart: the text lines (dash-escaping
 * undone) and the signatures. {@link #signedBytes()} is what the signature covers: each line without
 * trailing spaces and tabs, joined by CRLF, without the last line's ending.
 */
record ClearSignedText(List<String> lines, List<PGPSignature> signatures) {
  private static final String BEGIN_MESSAGE = "-----BEGIN PGP SIGNED MESSAGE-----";
  private static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";

  ClearSignedText {
    lines = List.copyOf(lines);
    signatures = List.copyOf(signatures);
  }

  /** The text as the signer wrote it, lines ended by {@code \n}. */
  String text() {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }

  byte[] signedBytes() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        b.append("\r\n");
      }
      b.append(stripTrailingWhitespace(lines.get(i)));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String stripTrailingWhitespace(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }

  /** Parses {@code bytes}; a message that is not clear-signed is a {@link ProvenanceException}. */
  static ClearSignedText parse(byte[] bytes, String where) {
    String all = new String(bytes, StandardCharsets.UTF_8);
    String[] raw = all.split("\n", -1);
    int i = 0;
    while (i < raw.length && unCr(raw[i]).isBlank()) {
      i++;
    }
    if (i >= raw.length || !unCr(raw[i]).strip().equals(BEGIN_MESSAGE)) {
      throw malformed(where, "not an OpenPGP clear-signed message (no " + BEGIN_MESSAGE + " line)");
    }
    i++;
    while (i < raw.length && !unCr(raw[i]).isEmpty()) {
      i++; // armor headers such as "Hash: SHA512": the signature packet names its own hash
    }
    i++;
    List<String> lines = new ArrayList<>();
    for (; i < raw.length && !unCr(raw[i]).strip().equals(BEGIN_SIGNATURE); i++) {
      String line = unCr(raw[i]);
      lines.add(line.startsWith("- ") ? line.substring(2) : line);
    }
    if (i >= raw.length) {
      throw malformed(where, "the clear-signed message has no " + BEGIN_SIGNATURE + " block");
    }
    StringBuilder armor = new StringBuilder();
    for (; i < raw.length; i++) {
      armor.append(unCr(raw[i])).append('\n');
    }
    return new ClearSignedText(lines, signatures(armor.toString(), where));
  }

  private static List<PGPSignature> signatures(String armor, String where) {
    try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armor.getBytes(StandardCharsets.US_ASCII)))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      List<PGPSignature> out = new ArrayList<>();
      for (Object o = factory.nextObject(); o != null; o = factory.nextObject()) {
        if (o instanceof PGPSignatureList list) {
          list.forEach(out::add);
        }
      }
      if (out.isEmpty()) {
        throw malformed(where, "the signature block holds no OpenPGP signature");
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProvenanceException p) {
        throw p;
      }
      throw malformed(where, "the signature block is not a readable OpenPGP signature: " + e.getMessage());
    }
  }

  private static String unCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static ProvenanceException malformed(String where, String message) {
    return new ProvenanceException(where, ProvenanceException.Reason.MALFORMED, message);
  }
}

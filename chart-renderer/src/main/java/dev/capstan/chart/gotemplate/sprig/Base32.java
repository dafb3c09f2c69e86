package dev.capstan.chart.gotemplate.sprig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** RFC 4648 base32 with padding, as Go's base32.StdEncoding (the JDK has none). */
final class Base32 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  static String encode(byte[] data) {
    StringBuilder b = new StringBuilder((data.length + 4) / 5 * 8);
    for (int i = 0; i < data.length; i += 5) {
      int n = Math.min(5, data.length - i);
      long buf = 0;
      for (int j = 0; j < 5; j++) {
        buf = buf << 8 | (j < n ? data[i + j] & 0xff : 0);
      }
      int chars = (n * 8 + 4) / 5;
      for (int j = 0; j < 8; j++) {
        b.append(j < chars ? ALPHABET.charAt((int) (buf >>> (35 - 5 * j)) & 31) : '=');
      }
    }
    return b.toString();
  }

  /** Decoded text, or Go's error text {@code illegal base32 data at input byte N}. */
  static String decode(String s) {
    String t = s.replace("\r", "").replace("\n", "");
    if (t.length() % 8 != 0) {
      return "illegal base32 data at input byte " + (t.length() / 8 * 8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < t.length(); i += 8) {
      String block = t.substring(i, i + 8);
      int pad = block.indexOf('=');
      int chars = pad < 0 ? 8 : pad;
      if (pad >= 0 && (!block.substring(pad).matches("=+") || i + 8 != t.length()
          || chars == 1 || chars == 3 || chars == 6)) {
        return "illegal base32 data at input byte " + (i + pad);
      }
      long buf = 0;
      for (int j = 0; j < 8; j++) {
        int v = j < chars ? ALPHABET.indexOf(block.charAt(j)) : 0;
        if (v < 0) {
          return "illegal base32 data at input byte " + (i + j);
        }
        buf = buf << 5 | v;
      }
      int bytes = chars * 5 / 8;
      for (int j = 0; j < bytes; j++) {
        out.write((int) (buf >>> (32 - 8 * j)) & 0xff);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

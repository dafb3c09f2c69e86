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

  /** Decoded text, or Go's error text: a port of encoding/base32's decode loop. */
  static String decode(String s) {
    byte[] src = s.replace("\r", "").replace("\n", "").getBytes(StandardCharsets.UTF_8);
    int olen = src.length;
    int at = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean end = false;
    while (at < olen && !end) {
      int[] dbuf = new int[8];
      int dlen = 8;
      for (int j = 0; j < 8; ) {
        int remaining = olen - at;
        if (remaining == 0) {
          return error(olen - remaining - j);
        }
        int in = src[at++] & 0xff;
        remaining = olen - at;
        if (in == '=' && j >= 2 && remaining < 8) {
          if (remaining + j < 8 - 1) {
            return error(olen);
          }
          for (int k = 0; k < 8 - 1 - j; k++) {
            if (remaining > k && src[at + k] != '=') {
              return error(olen - remaining + k - 1);
            }
          }
          dlen = j;
          end = true;
          if (dlen == 1 || dlen == 3 || dlen == 6) {
            return error(olen - remaining - 1);
          }
          break;
        }
        int v = in < 128 ? ALPHABET.indexOf(in) : -1;
        if (v < 0) {
          return error(olen - remaining - 1);
        }
        dbuf[j] = v;
        j++;
      }
      long buf = 0;
      for (int j = 0; j < 8; j++) {
        buf = buf << 5 | dbuf[j];
      }
      int bytes = dlen * 5 / 8;
      for (int j = 0; j < bytes; j++) {
        out.write((int) (buf >>> (32 - 8 * j)) & 0xff);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String error(int at) {
    return "illegal base32 data at input byte " + at;
  }
}

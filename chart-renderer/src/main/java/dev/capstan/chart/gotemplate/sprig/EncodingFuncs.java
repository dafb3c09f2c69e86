package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Adler32;

/** Sprig's encodings and checksums: b64enc/dec, b32enc/dec, sha1/256/512sum, adler32sum. */
final class EncodingFuncs {
  private EncodingFuncs() {}

  static void register(FuncTable t) {
    t.fn("b64enc", List.of(STRING), a -> Base64.getEncoder().encodeToString(utf8(a)));
    t.fn("b64dec", List.of(STRING), a -> b64dec((String) a.get(0)));
    t.fn("b32enc", List.of(STRING), a -> Base32.encode(utf8(a)));
    t.fn("b32dec", List.of(STRING), a -> Base32.decode((String) a.get(0)));
    t.fn("sha1sum", List.of(STRING), a -> hex("SHA-1", utf8(a)));
    t.fn("sha256sum", List.of(STRING), a -> hex("SHA-256", utf8(a)));
    t.fn("sha512sum", List.of(STRING), a -> hex("SHA-512", utf8(a)));
    t.fn("adler32sum", List.of(STRING), a -> adler32(utf8(a)));
  }

  private static byte[] utf8(List<Object> a) {
    return ((String) a.get(0)).getBytes(StandardCharsets.UTF_8);
  }

  static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String adler32(byte[] data) {
    Adler32 a = new Adler32();
    a.update(data);
    return Long.toString(a.getValue());
  }

  /** Go's StdEncoding.DecodeString; on error Sprig returns the error's text. */
  private static String b64dec(String s) {
    String t = s.replace("\r", "").replace("\n", "");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '+' || c == '/' || c == '=';
      if (!ok) {
        return "illegal base64 data at input byte " + byteOffset(s, t, i);
      }
    }
    int pad = t.indexOf('=');
    if (t.length() % 4 != 0) {
      int at = pad >= 0 ? pad : t.length() - t.length() % 4;
      return "illegal base64 data at input byte " + byteOffset(s, t, Math.min(at, t.length()));
    }
    if (pad >= 0 && (t.length() - pad > 2 || !t.substring(pad).matches("=+"))) {
      return "illegal base64 data at input byte " + byteOffset(s, t, pad);
    }
    try {
      return new String(Base64.getDecoder().decode(t), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "illegal base64 data at input byte " + byteOffset(s, t, Math.max(pad, 0));
    }
  }

  /** Go reports offsets in the input including the newlines it skipped. */
  private static int byteOffset(String original, String stripped, int index) {
    int seen = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c == '\r' || c == '\n') {
        continue;
      }
      if (seen == index) {
        return GoValues.utf8Length(original.substring(0, i));
      }
      seen++;
    }
    return GoValues.utf8Length(original);
  }
}

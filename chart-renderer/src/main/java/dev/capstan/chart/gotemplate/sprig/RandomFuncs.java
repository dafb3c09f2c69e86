package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.INT;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Sprig's random strings (goutils' CryptoRandom*), randBytes and uuidv4, from a SecureRandom as
 * Go's crypto/rand. A negative length is goutils' error, which Sprig drops: the result is "".
 */
final class RandomFuncs {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private RandomFuncs() {}

  static void register(FuncTable t) {
    t.fn("randAlphaNum", List.of(INT), a -> random("randAlphaNum", n(a), DIGITS + LETTERS));
    t.fn("randAlpha", List.of(INT), a -> random("randAlpha", n(a), LETTERS));
    t.fn("randNumeric", List.of(INT), a -> random("randNumeric", n(a), DIGITS));
    t.fn("randAscii", List.of(INT), a -> random("randAscii", n(a), ascii()));
    t.fn("randBytes", List.of(INT), a -> randBytes(n(a)));
    t.fn("uuidv4", List.of(), a -> UUID.randomUUID().toString());
  }

  private static int n(List<Object> a) {
    return (Integer) a.get(0);
  }

  private static String ascii() {
    StringBuilder b = new StringBuilder();
    for (char c = 32; c < 127; c++) {
      b.append(c);
    }
    return b.toString();
  }

  static String random(String fn, int count, String alphabet) {
    if (count <= 0) {
      return "";
    }
    Limits.checkRandom(fn, count);
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** crypto/rand bytes, base64: a negative count is Go's makeslice panic. */
  private static String randBytes(int count) {
    if (count < 0) {
      throw new dev.capstan.chart.gotemplate.GoFuncException(
          "runtime error: makeslice: len out of range");
    }
    Limits.checkRandom("randBytes", count);
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}

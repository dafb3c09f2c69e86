package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.INT;
import static dev.capstan.chart.gotemplate.GoType.LIST;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Sprig's crypto.go: keys, certificates, bcrypt/htpasswd, Master Password's derivePassword and
 * AES-CBC. Each takes the Go parameter types; the certificate parameter (Go's unexported
 * sprig.certificate) and derivePassword's uint32 counter are checked here, with the words Go's
 * executor would use.
 */
final class CryptoFuncs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private CryptoFuncs() {}

  static void register(FuncTable t) {
    t.fn("bcrypt", List.of(STRING), a -> bcrypt((String) a.get(0)));
    t.fn("htpasswd", List.of(STRING, STRING), a -> htpasswd((String) a.get(0), (String) a.get(1)));
    t.fn("genPrivateKey", List.of(STRING), a -> genPrivateKey((String) a.get(0)));
    t.fn("derivePassword", List.of(ANY, STRING, STRING, STRING, STRING),
        a -> MasterPassword.derive(uint32(a.get(0)), (String) a.get(1), (String) a.get(2),
            (String) a.get(3), (String) a.get(4)));
    t.fn("buildCustomCert", List.of(STRING, STRING),
        a -> Certificates.custom((String) a.get(0), (String) a.get(1)));
    t.fn("genCA", List.of(STRING, INT),
        a -> Certificates.ca((String) a.get(0), (Integer) a.get(1), PrivateKeys.rsa(2048)));
    t.fn("genCAWithKey", List.of(STRING, INT, STRING),
        a -> Certificates.ca((String) a.get(0), (Integer) a.get(1), key((String) a.get(2))));
    t.fn("genSelfSignedCert", List.of(STRING, LIST, LIST, INT),
        a -> Certificates.selfSigned((String) a.get(0), list(a, 1), list(a, 2),
            (Integer) a.get(3), PrivateKeys.rsa(2048)));
    t.fn("genSelfSignedCertWithKey", List.of(STRING, LIST, LIST, INT, STRING),
        a -> Certificates.selfSigned((String) a.get(0), list(a, 1), list(a, 2),
            (Integer) a.get(3), key((String) a.get(4))));
    t.fn("genSignedCert", List.of(STRING, LIST, LIST, INT, ANY),
        a -> Certificates.signed((String) a.get(0), list(a, 1), list(a, 2), (Integer) a.get(3),
            GoCertificate.of(a.get(4)), PrivateKeys.rsa(2048)));
    t.fn("genSignedCertWithKey", List.of(STRING, LIST, LIST, INT, ANY, STRING),
        a -> Certificates.signed((String) a.get(0), list(a, 1), list(a, 2), (Integer) a.get(3),
            GoCertificate.of(a.get(4)), key((String) a.get(5))));
    t.fn("encryptAES", List.of(STRING, STRING), a -> encrypt((String) a.get(0), (String) a.get(1)));
    t.fn("decryptAES", List.of(STRING, STRING), a -> decrypt((String) a.get(0), (String) a.get(1)));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(List<Object> a, int i) {
    return (List<Object>) a.get(i);
  }

  private static KeyPair key(String pem) {
    try {
      return PrivateKeys.parse(pem);
    } catch (GoFuncException e) {
      throw new GoFuncException("parsing private key: " + e.getMessage());
    }
  }

  /** A uint32 argument: an untyped constant arrives as int; other types Go would refuse. */
  private static long uint32(Object v) {
    if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= 0
        && ((Number) v).longValue() <= 0xffffffffL) {
      return ((Number) v).longValue();
    }
    throw new GoFuncException(
        "wrong type for value; expected uint32; got " + GoNames.typeName(v));
  }

  static String bcrypt(String input) {
    byte[] password = input.getBytes(StandardCharsets.UTF_8);
    if (password.length > 72) {
      return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2a", password, salt, 10);
  }

  private static String htpasswd(String user, String password) {
    if (user.contains(":")) {
      return "invalid username: " + user;
    }
    return user + ":" + bcrypt(password);
  }

  private static String genPrivateKey(String type) {
    KeyPair pair = PrivateKeys.generate(type);
    return pair == null ? "Unknown type " + type : PrivateKeys.pem(pair.getPrivate());
  }

  private static byte[] aesKey(String password) {
    byte[] key = new byte[32];
    byte[] p = password.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(p, 0, key, 0, Math.min(p.length, 32));
    return key;
  }

  private static String encrypt(String password, String plaintext) {
    if (plaintext.isEmpty()) {
      return "";
    }
    byte[] content = plaintext.getBytes(StandardCharsets.UTF_8);
    Limits.checkString("encryptAES", content.length * 2L);
    int padding = 16 - content.length % 16;
    byte[] padded = new byte[content.length + padding];
    System.arraycopy(content, 0, padded, 0, content.length);
    java.util.Arrays.fill(padded, content.length, padded.length, (byte) padding);
    byte[] iv = new byte[16];
    RANDOM.nextBytes(iv);
    byte[] out = new byte[16 + padded.length];
    System.arraycopy(iv, 0, out, 0, 16);
    System.arraycopy(aes(Cipher.ENCRYPT_MODE, password, iv, padded), 0, out, 16, padded.length);
    return Base64.getEncoder().encodeToString(out);
  }

  private static String decrypt(String password, String crypt64) {
    if (crypt64.isEmpty()) {
      return "";
    }
    byte[] crypt;
    try {
      crypt = Base64.getDecoder().decode(crypt64);
    } catch (IllegalArgumentException e) {
      throw new GoFuncException("illegal base64 data at input byte 0");
    }
    if (crypt.length < 16) {
      throw new GoFuncException(
          "runtime error: slice bounds out of range [:16] with capacity " + crypt.length);
    }
    byte[] body = java.util.Arrays.copyOfRange(crypt, 16, crypt.length);
    if (body.length % 16 != 0) {
      throw new GoFuncException("crypto/cipher: input not full blocks");
    }
    byte[] plain = aes(Cipher.DECRYPT_MODE, password, java.util.Arrays.copyOf(crypt, 16), body);
    if (plain.length == 0) {
      throw new GoFuncException("runtime error: index out of range [-1]");
    }
    int cut = plain.length - (plain[plain.length - 1] & 0xff);
    if (cut < 0) {
      throw new GoFuncException("runtime error: slice bounds out of range [:" + cut + "]");
    }
    return new String(plain, 0, cut, StandardCharsets.UTF_8);
  }

  private static byte[] aes(int mode, String password, byte[] iv, byte[] data) {
    try {
      Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
      c.init(mode, new SecretKeySpec(aesKey(password), "AES"), new IvParameterSpec(iv));
      return c.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new GoFuncException(e.getMessage());
    }
  }

  /** Master Password (lyndir) as Sprig's derivePassword implements it. */
  static final class MasterPassword {
    private static final String SEED = "com.lyndir.masterpassword";
    private static final Map<String, String[]> TEMPLATES = Map.of(
        "maximum", new String[] {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"},
        "long", new String[] {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno", "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
            "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc", "CvccCvcvCvccno"},
        "medium", new String[] {"CvcnoCvc", "CvcCvcno"},
        "short", new String[] {"Cvcn"},
        "basic", new String[] {"aaanaaan", "aannaaan", "aaannaaa"},
        "pin", new String[] {"nnnn"});
    private static final Map<Character, String> CHARS = Map.of(
        'V', "AEIOU",
        'C', "BCDFGHJKLMNPQRSTVWXYZ",
        'v', "aeiou",
        'c', "bcdfghjklmnpqrstvwxyz",
        'A', "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        'a', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        'n', "0123456789",
        'o', "@&%?,=[]_:-+*$#!'^~;()/.",
        'x', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()");

    private MasterPassword() {}

    static String derive(long counter, String type, String password, String user, String site) {
      String[] templates = TEMPLATES.get(type);
      if (templates == null) {
        return "cannot find password template " + type;
      }
      byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
      byte[] siteBytes = site.getBytes(StandardCharsets.UTF_8);
      byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
      ByteBuffer salt = ByteBuffer.allocate(seed.length + 4 + userBytes.length);
      salt.put(seed).putInt(userBytes.length).put(userBytes);
      byte[] key = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt.array(),
          32768, 8, 2, 64);
      ByteBuffer msg = ByteBuffer.allocate(seed.length + 4 + siteBytes.length + 4);
      msg.put(seed).putInt(siteBytes.length).put(siteBytes).putInt((int) counter);
      byte[] hmac;
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        hmac = mac.doFinal(msg.array());
      } catch (GeneralSecurityException e) {
        throw new GoFuncException("failed to derive password: " + e.getMessage());
      }
      String template = templates[(hmac[0] & 0xff) % templates.length];
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < template.length(); i++) {
        String chars = CHARS.get(template.charAt(i));
        out.append(chars.charAt((hmac[i + 1] & 0xff) % chars.length()));
      }
      return out.toString();
    }
  }
}

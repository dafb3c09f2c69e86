package dev.capstan.agent.http;

import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate chain and its private key read from PEM files (what cert-manager and
 * {@code kubectl create secret tls} write: {@code tls.crt}, {@code tls.key}) into an in-memory key
 * store for the HTTP server. Keys may be PKCS#8 or the older PKCS#1/SEC1 form, unencrypted; a key
 * that does not belong to the certificate is refused here, with the file names, rather than as a
 * handshake failure every client sees.
 */
final class PemKeyStore {
  static final char[] PASSWORD = "capstan".toCharArray(); // in memory only; the files are the secret

  private PemKeyStore() {}

  static KeyStore load(Path certFile, Path keyFile) {
    List<X509Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    requireMatch(chain.get(0), key, certFile, keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("capstan", key, PASSWORD, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new CapstanException("--tls-cert " + certFile, "cannot hold the certificate and key: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (Object item : pemObjects(file, "--tls-cert")) {
      if (item instanceof X509CertificateHolder holder) {
        try {
          chain.add(converter.getCertificate(holder));
        } catch (GeneralSecurityException e) {
          throw new CapstanException("--tls-cert " + file, "unreadable certificate: " + e.getMessage(), e);
        }
      }
    }
    if (chain.isEmpty()) {
      throw new CapstanException("--tls-cert " + file, "no PEM CERTIFICATE block");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object item : pemObjects(file, "--tls-key")) {
      try {
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (item instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may carry no public key
        }
      } catch (IOException e) {
        throw new CapstanException("--tls-key " + file, "unreadable private key: " + e.getMessage(), e);
      }
      if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
        throw new CapstanException("--tls-key " + file, "the private key is encrypted; give the agent an unencrypted key");
      }
    }
    throw new CapstanException("--tls-key " + file, "no PEM PRIVATE KEY block");
  }

  private static List<Object> pemObjects(Path file, String flag) {
    List<Object> items = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        items.add(item);
      }
    } catch (NoSuchFileException e) {
      throw new CapstanException(flag + " " + file, "no such file");
    } catch (IOException | RuntimeException e) {
      throw new CapstanException(flag + " " + file, "cannot read PEM: " + e.getMessage(), e);
    }
    return items;
  }

  /** Signs a few bytes with the key and checks them with the certificate's public key. */
  private static void requireMatch(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new CapstanException("--tls-key " + keyFile, "unsupported key algorithm " + key.getAlgorithm()
          + " (use RSA, EC or Ed25519)");
    };
    byte[] probe = "capstan tls key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // A key of another type than the certificate's lands here too: it does not match either.
    }
    throw new CapstanException("--tls-key " + keyFile, "the private key does not belong to the certificate in " + certFile);
  }
}

package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Sprig's certificate functions: the template of getBaseCertTemplate (CN only, 128-bit random
 * serial, valid from now for N days, digital signature and key encipherment, server and client
 * auth) signed as Go's x509.CreateCertificate signs it.
 */
final class Certificates {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long MAX_DAYS = 365L * 1000;

  private Certificates() {}

  static GoCertificate ca(String cn, int days, KeyPair key) {
    X509v3CertificateBuilder b = base(new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, cn).build(), null, cn, List.of(), List.of(), days, key.getPublic());
    return sign(b, key, key.getPrivate(), true, null);
  }

  static GoCertificate selfSigned(String cn, List<Object> ips, List<Object> dns, int days,
      KeyPair key) {
    X509v3CertificateBuilder b =
        base(null, null, cn, netIps(ips), dnsNames(dns), days, key.getPublic());
    return sign(b, key, key.getPrivate(), false, null);
  }

  static GoCertificate signed(String cn, List<Object> ips, List<Object> dns, int days,
      GoCertificate ca, KeyPair key) {
    Pem.Block block = Pem.decode(ca.cert());
    if (block == null) {
      throw new GoFuncException("unable to decode certificate");
    }
    X509Certificate signer;
    try {
      signer = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(block.bytes()));
    } catch (GeneralSecurityException e) {
      throw new GoFuncException(
          "error parsing certificate: decodedSignerCert.Bytes: " + e.getMessage());
    }
    KeyPair signerKey;
    try {
      signerKey = PrivateKeys.parse(ca.key());
    } catch (GoFuncException e) {
      throw new GoFuncException("error parsing signer key: " + e.getMessage());
    }
    X500Name issuer = X500Name.getInstance(signer.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder b = base(null, issuer, cn, netIps(ips), dnsNames(dns), days,
        key.getPublic());
    byte[] ski = signer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    return sign(b, key, signerKey.getPrivate(), false, ski);
  }

  /** Sprig's buildCustomCert: checks both parts decode, then returns them as given. */
  static GoCertificate custom(String b64cert, String b64key) {
    byte[] cert;
    byte[] key;
    try {
      cert = Base64.getDecoder().decode(b64cert);
    } catch (IllegalArgumentException e) {
      throw new GoFuncException("unable to decode base64 certificate");
    }
    try {
      key = Base64.getDecoder().decode(b64key);
    } catch (IllegalArgumentException e) {
      throw new GoFuncException("unable to decode base64 private key");
    }
    String certText = new String(cert, java.nio.charset.StandardCharsets.UTF_8);
    String keyText = new String(key, java.nio.charset.StandardCharsets.UTF_8);
    Pem.Block block = Pem.decode(certText);
    if (block == null) {
      throw new GoFuncException("unable to decode certificate");
    }
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(block.bytes()));
    } catch (GeneralSecurityException e) {
      throw new GoFuncException(
          "error parsing certificate: decodedCert.Bytes: " + e.getMessage());
    }
    try {
      PrivateKeys.parse(keyText);
    } catch (GoFuncException e) {
      throw new GoFuncException("error parsing private key: " + e.getMessage());
    }
    return new GoCertificate(certText, keyText);
  }

  private static X509v3CertificateBuilder base(X500Name subjectOverride, X500Name issuer,
      String cn, List<byte[]> ips, List<String> dns, int days, PublicKey pub) {
    if (days > MAX_DAYS || days < -MAX_DAYS) {
      throw new GoFuncException("daysValid " + days + " is out of range");
    }
    X500Name subject = subjectOverride != null ? subjectOverride
        : new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    BigInteger serial = new BigInteger(128, RANDOM);
    long now = System.currentTimeMillis() / 1000 * 1000;
    Date notBefore = new Date(now);
    Date notAfter = new Date(now + days * 86_400_000L);
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
        issuer == null ? subject : issuer, serial, notBefore, notAfter, subject, pub);
    try {
      List<GeneralName> names = new ArrayList<>();
      for (String d : dns) {
        names.add(new GeneralName(GeneralName.dNSName, d));
      }
      for (byte[] ip : ips) {
        names.add(new GeneralName(GeneralName.iPAddress,
            new org.bouncycastle.asn1.DEROctetString(ip)));
      }
      if (!names.isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    } catch (IOException e) {
      throw new GoFuncException("error creating certificate: " + e.getMessage());
    }
    return b;
  }

  private static GoCertificate sign(X509v3CertificateBuilder b, KeyPair subjectKey,
      PrivateKey signingKey, boolean isCa, byte[] authorityKeyIdExt) {
    try {
      int usage = KeyUsage.keyEncipherment | KeyUsage.digitalSignature
          | (isCa ? KeyUsage.keyCertSign : 0);
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        byte[] spki = SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded())
            .getPublicKeyData().getBytes();
        b.addExtension(Extension.subjectKeyIdentifier, false,
            new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(spki)));
      }
      if (authorityKeyIdExt != null) {
        byte[] ski = org.bouncycastle.asn1.ASN1OctetString.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(authorityKeyIdExt).getOctets())
            .getOctets();
        b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski));
      }
      byte[] der = b.build(new JcaContentSignerBuilder(algorithm(signingKey))
          .setProvider(PrivateKeys.BC).build(signingKey)).getEncoded();
      return new GoCertificate(Pem.encode("CERTIFICATE", der),
          PrivateKeys.pem(subjectKey.getPrivate()));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new GoFuncException("error creating certificate: " + e.getMessage());
    }
  }

  /** x509.CreateCertificate's choice of signature for the signing key. */
  private static String algorithm(PrivateKey key) {
    if (key instanceof RSAPrivateKey) {
      return "SHA256withRSA";
    } else if (key instanceof ECPrivateKey ec) {
      int bits = ec.getParams().getOrder().bitLength();
      return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    } else if (key instanceof DSAPrivateKey) {
      throw new GoFuncException(
          "error creating certificate: x509: certificate private key does not implement crypto.Signer");
    }
    return "Ed25519";
  }

  private static List<byte[]> netIps(List<Object> ips) {
    List<byte[]> out = new ArrayList<>();
    if (ips == null) {
      return out;
    }
    for (Object ip : ips) {
      if (!(ip instanceof String s)) {
        throw new GoFuncException("error parsing ip: " + Strval.of(ip) + " is not a string");
      }
      byte[] parsed = GoNet.parseIp(s);
      if (parsed == null) {
        throw new GoFuncException("error parsing ip: " + s);
      }
      out.add(parsed);
    }
    return out;
  }

  private static List<String> dnsNames(List<Object> dns) {
    List<String> out = new ArrayList<>();
    if (dns == null) {
      return out;
    }
    for (Object d : dns) {
      if (!(d instanceof String s)) {
        throw new GoFuncException(
            "error processing alternate dns name: " + Strval.of(d) + " is not a string");
      }
      out.add(s);
    }
    return out;
  }
}

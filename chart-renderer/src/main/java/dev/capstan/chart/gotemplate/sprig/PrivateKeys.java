package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.DSAGenParameterSpec;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Private keys as Sprig makes and reads them: RSA in PKCS#1 ("RSA PRIVATE KEY"), ECDSA P-256 in
 * SEC 1 ("EC PRIVATE KEY"), Ed25519 in PKCS#8 ("PRIVATE KEY") and DSA in OpenSSL's sequence
 * ("DSA PRIVATE KEY"), on BouncyCastle.
 */
final class PrivateKeys {
  static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private PrivateKeys() {}

  static KeyPair generate(String type) {
    try {
      switch (type) {
        case "", "rsa":
          return rsa(4096);
        case "ecdsa": {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          return g.generateKeyPair();
        }
        case "ed25519":
          return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        case "dsa": {
          // Go generates fresh L2048N256 parameters for each key, as here.
          java.security.AlgorithmParameterGenerator pg =
              java.security.AlgorithmParameterGenerator.getInstance("DSA");
          pg.init(new DSAGenParameterSpec(2048, 256));
          KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
          g.initialize(pg.generateParameters()
              .getParameterSpec(java.security.spec.DSAParameterSpec.class));
          return g.generateKeyPair();
        }
        default:
          return null;
      }
    } catch (GeneralSecurityException e) {
      throw new GoFuncException("failed to generate private key: " + e.getMessage());
    }
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new GoFuncException("error generating rsa key: " + e.getMessage());
    }
  }

  /** Sprig's pemBlockForKey. */
  static String pem(PrivateKey key) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      if (key instanceof RSAPrivateCrtKey) {
        return Pem.encode("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
      } else if (key instanceof ECPrivateKey ec) {
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
            org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        org.bouncycastle.asn1.sec.ECPrivateKey full = new org.bouncycastle.asn1.sec.ECPrivateKey(
            ec.getParams().getOrder().bitLength(), ec.getS(),
            sec1.getPublicKey() != null ? sec1.getPublicKey() : ecPublicBits(key),
            X9ObjectIdentifiers.prime256v1);
        return Pem.encode("EC PRIVATE KEY", full.getEncoded());
      } else if (key instanceof DSAPrivateKey dsa) {
        DSAParams p = dsa.getParams();
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(0));
        v.add(new ASN1Integer(p.getP()));
        v.add(new ASN1Integer(p.getQ()));
        v.add(new ASN1Integer(p.getG()));
        v.add(new ASN1Integer(p.getG().modPow(dsa.getX(), p.getP())));
        v.add(new ASN1Integer(dsa.getX()));
        return Pem.encode("DSA PRIVATE KEY", new DERSequence(v).getEncoded());
      }
      return Pem.encode("PRIVATE KEY", info.getEncoded());
    } catch (IOException e) {
      throw new GoFuncException("error pem-encoding key: " + e.getMessage());
    }
  }

  private static org.bouncycastle.asn1.DERBitString ecPublicBits(PrivateKey key) {
    PublicKey pub = publicKey(key);
    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pub.getEncoded());
    return new org.bouncycastle.asn1.DERBitString(spki.getPublicKeyData().getBytes());
  }

  /** Sprig's parsePrivateKeyPEM, with its error texts. */
  static KeyPair parse(String pemText) {
    Pem.Block block = Pem.decode(pemText);
    if (block == null) {
      throw new GoFuncException("no PEM data in input");
    }
    String type = block.type();
    if (!type.equals("PRIVATE KEY") && !type.endsWith(" PRIVATE KEY")) {
      throw new GoFuncException("no private key data in PEM block of type " + type);
    }
    String kind = type.equals("PRIVATE KEY") ? "" : type.substring(0, type.length() - 12);
    if (!kind.isEmpty() && !kind.equals("RSA") && !kind.equals("EC") && !kind.equals("DSA")) {
      throw new GoFuncException("invalid private key type " + type);
    }
    try (PEMParser parser = new PEMParser(new StringReader(Pem.encode(type, block.bytes())))) {
      Object parsed = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
      PrivateKey priv;
      if (parsed instanceof PEMKeyPair pair) {
        priv = converter.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (parsed instanceof PrivateKeyInfo info) {
        priv = converter.getPrivateKey(info);
      } else {
        throw new IOException("unexpected " + parsed);
      }
      return new KeyPair(publicKey(priv), priv);
    } catch (IOException | RuntimeException e) {
      String what = switch (kind) {
        case "" -> "decoding PEM as PKCS#8";
        case "RSA" -> "parsing RSA private key from PEM";
        case "EC" -> "parsing EC private key from PEM";
        default -> "parsing DSA private key from PEM";
      };
      throw new GoFuncException(what + ": " + e.getMessage());
    }
  }

  static PublicKey publicKey(PrivateKey priv) {
    try {
      if (priv instanceof RSAPrivateCrtKey rsa) {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      } else if (priv instanceof DSAPrivateKey dsa) {
        DSAParams p = dsa.getParams();
        BigInteger y = p.getG().modPow(dsa.getX(), p.getP());
        return KeyFactory.getInstance("DSA")
            .generatePublic(new DSAPublicKeySpec(y, p.getP(), p.getQ(), p.getG()));
      } else if (priv instanceof ECPrivateKey ec) {
        org.bouncycastle.jce.spec.ECParameterSpec spec =
            org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util.convertSpec(ec.getParams());
        org.bouncycastle.math.ec.ECPoint q = spec.getG().multiply(ec.getS()).normalize();
        return KeyFactory.getInstance("EC", BC)
            .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(q, spec));
      }
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(priv.getEncoded());
      byte[] seed = org.bouncycastle.asn1.ASN1OctetString.getInstance(info.parsePrivateKey())
          .getOctets();
      byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
      org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
          new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
              new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                  org.bouncycastle.asn1.edec.EdECObjectIdentifiers.id_Ed25519), pub);
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new GoFuncException("unable to get public key for type " + priv.getAlgorithm());
    }
  }
}

package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoStruct;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

/**
 * The functions whose output Go cannot reproduce (random, keys, certificates, salted hashes),
 * checked for the properties Go's output has: lengths, alphabets, PEM types, parseable and
 * correctly signed certificates, verifiable bcrypt hashes.
 */
class RandomAndCryptoTest {
  private static Object call(String name, Object... args) {
    return SprigFunctions.all().get(name).body().call(new ArrayList<>(Arrays.asList(args)));
  }

  @Test
  void randomStringsHaveTheirLengthAndAlphabet() {
    assertThat((String) call("randAlphaNum", 40)).matches("[0-9A-Za-z]{40}");
    assertThat((String) call("randAlpha", 40)).matches("[A-Za-z]{40}");
    assertThat((String) call("randNumeric", 40)).matches("[0-9]{40}");
    assertThat((String) call("randAscii", 40)).matches("[\\x20-\\x7e]{40}");
    assertThat((String) call("randAlphaNum", -1)).isEmpty();
    assertThat(Base64.getDecoder().decode((String) call("randBytes", 24))).hasSize(24);
    assertThat((String) call("uuidv4"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat((String) call("shuffle", "hello")).hasSize(5).containsOnlyOnce("h");
    assertThat((Integer) call("randInt", 3, 5)).isBetween(3, 4);
  }

  @Test
  void randomSizesAreBounded() {
    assertThatThrownBy(() -> call("randAlphaNum", 100_000_000))
        .isInstanceOf(GoFuncException.class)
        .hasMessageContaining("exceeds the limit");
    // Refused by the render's budget (GoLimitException) or by the function's own cap.
    assertThatThrownBy(() -> call("repeat", 1_000_000_000, "ab"))
        .hasMessageContaining("exceeds the limit");
    assertThatThrownBy(() -> call("until", 2_000_000_000))
        .hasMessageContaining("exceeds the limit");
    assertThatThrownBy(() -> call("until", 1_000_000))
        .isInstanceOf(GoFuncException.class)
        .hasMessageContaining("exceeds the limit");
    assertThatThrownBy(() -> call("indent", 200_000, "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no"
        + "\np\nq\nr\ns\nt\nu\nv\nw\nx\ny\nz\na\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no"))
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void bcryptAndHtpasswdVerify() {
    String hash = (String) call("bcrypt", "s3cret");
    assertThat(hash).startsWith("$2a$10$").hasSize(60);
    assertThat(OpenBSDBCrypt.checkPassword(hash, "s3cret".toCharArray())).isTrue();
    String line = (String) call("htpasswd", "admin", "pw");
    assertThat(line).startsWith("admin:$2a$10$");
    assertThat(OpenBSDBCrypt.checkPassword(line.substring(6), "pw".toCharArray())).isTrue();
  }

  @Test
  void aesRoundTrips() {
    String sealed = (String) call("encryptAES", "key", "payload");
    assertThat(Base64.getDecoder().decode(sealed)).hasSize(32);
    assertThat(call("decryptAES", "key", sealed)).isEqualTo("payload");
  }

  @Test
  void privateKeysAreThePemTypesGoWrites() {
    assertThat((String) call("genPrivateKey", "ecdsa")).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
    assertThat((String) call("genPrivateKey", "ed25519")).startsWith("-----BEGIN PRIVATE KEY-----\n");
    String rsa = (String) call("genPrivateKey", "rsa");
    assertThat(rsa).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n");
    assertThat(rsa.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
  }

  @Test
  void caSignsCertificatesWithTheirNames() throws Exception {
    GoStruct ca = (GoStruct) call("genCA", "my-ca", 365);
    assertThat(ca.goTypeName()).isEqualTo("sprig.certificate");
    X509Certificate caCert = parse((String) ca.field("Cert"));
    assertThat(caCert.getSubjectX500Principal().getName()).isEqualTo("CN=my-ca");
    assertThat(caCert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(caCert.getKeyUsage()[5]).as("keyCertSign").isTrue();
    caCert.verify(caCert.getPublicKey());
    assertThat((String) ca.field("Key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");

    GoStruct leaf = (GoStruct) call("genSignedCert", "web.example", List.of("10.0.0.1"),
        List.of("web.example", "web"), 30, ca);
    X509Certificate cert = parse((String) leaf.field("Cert"));
    cert.verify(caCert.getPublicKey());
    assertThat(cert.getIssuerX500Principal()).isEqualTo(caCert.getSubjectX500Principal());
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getExtendedKeyUsage())
        .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    Collection<List<?>> sans = cert.getSubjectAlternativeNames();
    assertThat(sans.stream().map(s -> s.get(1).toString()))
        .containsExactlyInAnyOrder("web.example", "web", "10.0.0.1");
    long days = (cert.getNotAfter().getTime() - cert.getNotBefore().getTime()) / 86_400_000L;
    assertThat(days).isEqualTo(30);

    GoStruct self = (GoStruct) call("genSelfSignedCertWithKey", "self", null, null, 1,
        call("genPrivateKey", "ecdsa"));
    X509Certificate selfCert = parse((String) self.field("Cert"));
    selfCert.verify(selfCert.getPublicKey());
    assertThat(selfCert.getSigAlgName()).isEqualTo("SHA256withECDSA");
  }

  @Test
  void keysOfEveryTypeReadBackAndSignAsGoAllows() throws Exception {
    for (String type : List.of("ecdsa", "ed25519")) {
      GoStruct cert = (GoStruct) call("genSelfSignedCertWithKey", "k-" + type, null,
          List.of("k"), 2, call("genPrivateKey", type));
      X509Certificate c = parse((String) cert.field("Cert"));
      c.verify(c.getPublicKey());
      assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=k-" + type);
    }
    assertThatThrownBy(() -> call("genCAWithKey", "d", 1, call("genPrivateKey", "dsa")))
        .isInstanceOf(GoFuncException.class)
        .hasMessage("error creating certificate: x509: certificate private key does not implement"
            + " crypto.Signer");
  }

  @Test
  void certificateParameterMustBeACertificate() {
    assertThatThrownBy(() -> call("genSignedCert", "x", null, null, 1, "not a ca"))
        .isInstanceOf(GoFuncException.class)
        .hasMessage("wrong type for value; expected sprig.certificate; got string");
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}

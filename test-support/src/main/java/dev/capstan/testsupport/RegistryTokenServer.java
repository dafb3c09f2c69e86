package dev.capstan.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The token service of Docker's registry auth protocol, for {@link OciRegistryExtension#withTokenAuth}:
 * Jetty on 127.0.0.1 answering {@code GET /token?service=...&scope=repository:NAME:ACTIONS} with a
 * JWT (RS256, the signing certificate in {@code x5c}) that grants the asked actions to the right user
 * and password, and 401 to anyone else. The key and self-signed certificate come from the JDK's
 * keytool; the registry trusts the certificate through its {@code rootcertbundle}.
 */
final class RegistryTokenServer implements AutoCloseable {
  static final String SERVICE = "capstan-registry";
  static final String ISSUER = "capstan-test-token-service";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server server = new Server();
  private final String authorization;
  private final PrivateKey key;
  private final X509Certificate cert;
  private final AtomicInteger tokensIssued = new AtomicInteger();

  RegistryTokenServer(Path dir, String username, String password) throws Exception {
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    Path store = dir.resolve("token-signer.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=capstan-token-signer",
        "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    key = (PrivateKey) ks.getKey("signer", "changeit".toCharArray());
    cert = (X509Certificate) ks.getCertificate("signer");
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Tokens());
    server.start();
  }

  /** The certificate the registry trusts, as PEM. */
  String rootCertificatePem() throws Exception {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
  }

  URI realm() {
    return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/token");
  }

  int tokensIssued() {
    return tokensIssued.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Tokens extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (!authorization.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        response.setStatus(401);
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"token\"");
        response.write(true, ByteBuffer.allocate(0), callback);
        return true;
      }
      Fields query = Request.extractQueryParameters(request);
      List<String> scopes = query.getValues("scope");
      ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
      header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
      long now = Instant.now().getEpochSecond();
      ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", "ci").put("aud", SERVICE)
          .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
      ArrayNode access = claims.putArray("access");
      for (String scope : scopes == null ? List.<String>of() : scopes) {
        String[] parts = scope.split(":");
        if (parts.length == 3 && parts[0].equals("repository")) {
          ObjectNode a = access.addObject().put("type", "repository").put("name", parts[1]);
          ArrayNode actions = a.putArray("actions");
          for (String action : parts[2].split(",")) {
            actions.add(action);
          }
        }
      }
      String signingInput = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      String token = signingInput + "." + b64(rs256.sign());
      tokensIssued.incrementAndGet();
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(JSON.createObjectNode().put("token", token)
          .put("expires_in", 300))), callback);
      return true;
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

}

package dev.capstan.agent.sync;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** A folder served over HTTPS by Jetty on 127.0.0.1 with the certificate in {@code keystore}: a Helm repository behind a private CA. */
final class TlsRepository implements AutoCloseable {
  private final Server server;
  private final URI url;

  private TlsRepository(Server server, URI url) {
    this.server = server;
    this.url = url;
  }

  static TlsRepository serve(Path dir, Path keystore, String password) throws Exception {
    Server server = new Server();
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keystore.toString());
    tls.setKeyStorePassword(password);
    tls.setKeyStoreType("PKCS12");
    HttpConfiguration https = new HttpConfiguration();
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(server).newResource(dir));
    files.setDirAllowed(false);
    server.setHandler(files);
    server.start();
    return new TlsRepository(server, URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/"));
  }

  URI url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

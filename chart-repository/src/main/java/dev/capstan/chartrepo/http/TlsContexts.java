package dev.capstan.chartrepo.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The TLS trust a {@link TransportOptions} asks for: the JDK's roots, a CA file's, or none. */
final class TlsContexts {
  private TlsContexts() {}

  static SSLContext of(TransportOptions options) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (options.insecureSkipTlsVerify()) {
        // Hostname checks happen in the trust manager for X509ExtendedTrustManager: this one skips both.
        context.init(null, new TrustManager[] {new TrustAll()}, null);
      } else if (options.caFile() != null) {
        context.init(null, fromCaFile(options).getTrustManagers(), null);
      } else {
        context.init(null, null, null);
      }
      return context;
    } catch (GeneralSecurityException e) {
      throw new SourceException("--ca-file " + options.caFile(), SourceException.Reason.PROTOCOL,
          "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManagerFactory fromCaFile(TransportOptions options) throws GeneralSecurityException {
    String where = "--ca-file " + options.caFile();
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(options.caFile())) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new SourceException(where, SourceException.Reason.PROTOCOL, "cannot read: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "not PEM certificates: " + e.getMessage(), e);
    }
    if (certs.isEmpty()) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "holds no certificate");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int i = 0;
    for (Certificate cert : certs) {
      store.setCertificateEntry("ca-" + i++, cert);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return tmf;
  }

  /** {@code --insecure-skip-tls-verify}: accepts any certificate for any name. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

package io.paas.controller.logs.drains;

import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom TLS drains trust: the JVM's CAs, as any https client would, plus CA certificates an operator names (PEM
 * files), for receivers inside a company with its own CA.
 */
public final class DrainTrust {
  private DrainTrust() {
  }

  public static TrustOptions of(List<Path> extraCaFiles) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : jvmDefaults().getAcceptedIssuers()) {
        store.setCertificateEntry("jvm-" + n++, ca);
      }
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (Path file : extraCaFiles) {
        try (InputStream in = Files.newInputStream(file)) {
          Collection<? extends Certificate> cas = x509.generateCertificates(in);
          if (cas.isEmpty()) {
            throw new IllegalArgumentException("No certificate in drain CA file " + file);
          }
          for (Certificate ca : cas) {
            store.setCertificateEntry("extra-" + n++, ca);
          }
        }
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return TrustOptions.wrap(factory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a drain CA file: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot load the drain CA certificates: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager jvmDefaults() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
        .map(X509TrustManager.class::cast).findFirst().orElseThrow();
  }
}

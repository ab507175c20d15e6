package io.paas.controller.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The STARTTLS certificate: self-signed, made at the first start and kept in the data dir (the key readable by its
 * owner only), so clients that pin it keep working across restarts. Apps reach the server by address on the
 * host's own bridge, where no public CA could vouch for a name; the point is to keep the traffic private.
 */
final class StartTlsCertificate {
  static final String KEY_FILE = "smtp-tls-key.pem";
  static final String CERTIFICATE_FILE = "smtp-tls-cert.pem";
  private static final Duration VALIDITY = Duration.ofDays(3650);
  // Guards nothing: the key store lives only in memory, but PKCS12 wants a password.
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private StartTlsCertificate() {
  }

  /** Loads the pair kept in {@code dir}, making it first if there is none; {@code host} names the certificate. */
  static SSLContext load(Path dir, String host) throws IOException, GeneralSecurityException {
    Path keyFile = dir.resolve(KEY_FILE);
    Path certificateFile = dir.resolve(CERTIFICATE_FILE);
    if (!Files.exists(keyFile) || !Files.exists(certificateFile)) {
      make(dir, host);
    }
    return context(readKey(keyFile), readCertificate(certificateFile));
  }

  private static void make(Path dir, String host) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + host);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
        new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(VALIDITY)), name, pair.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeName(host)));
    X509CertificateHolder certificate;
    try {
      certificate = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
    Files.createDirectories(dir);
    // The key is written to a file that is 0600 from its creation, then moved into place, never readable by others.
    Path key = Files.createTempFile(dir, "key", ".tmp", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
    Files.move(key, dir.resolve(KEY_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(dir.resolve(CERTIFICATE_FILE), pem(certificate));
  }

  private static GeneralName alternativeName(String host) {
    boolean literal = host.matches("[0-9.]+") || host.contains(":");
    return new GeneralName(literal ? GeneralName.iPAddress : GeneralName.dNSName, host);
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private static PrivateKey readKey(Path file) throws IOException {
    return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) readPem(file));
  }

  private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) readPem(file));
  }

  private static Object readPem(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
         PEMParser parser = new PEMParser(reader)) {
      return parser.readObject();
    }
  }

  private static SSLContext context(PrivateKey key, X509Certificate certificate)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("smtp", key, IN_MEMORY, new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, IN_MEMORY);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}

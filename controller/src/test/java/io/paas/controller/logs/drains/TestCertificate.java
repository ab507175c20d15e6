package io.paas.controller.logs.drains;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for a name and 127.0.0.1, made afresh for a test: the receiver serves it, and its PEM is
 * the extra CA a drain is told to trust.
 */
public record TestCertificate(String certificatePem, String privateKeyPem) {
  public static TestCertificate localhost() throws Exception {
    return of("localhost");
  }

  public static TestCertificate of(String hostname) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=" + hostname);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, hostname), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    byte[] certificate = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
        .getEncoded();
    return new TestCertificate(pem("CERTIFICATE", certificate), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  /** What a receiver serves. */
  public PemKeyCertOptions keyCert() {
    return new PemKeyCertOptions().addCertValue(Buffer.buffer(certificatePem)).addKeyValue(Buffer.buffer(privateKeyPem));
  }

  /** The certificate as a CA file, as an operator would give it with {@code --drain-ca}. */
  public Path writeCa(Path dir) throws Exception {
    return Files.writeString(dir.resolve("drain-ca.pem"), certificatePem);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}

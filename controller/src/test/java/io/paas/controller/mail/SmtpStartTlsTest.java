package io.paas.controller.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STARTTLS certificate: made at the first start, its key private to the platform's user, kept across starts. */
class SmtpStartTlsTest {
  private static final String HOST = MailDatabase.HOST;

  @TempDir
  Path dataDir;
  MailDatabase db;

  @BeforeEach
  void startDatabase() throws Exception {
    db = new MailDatabase(dataDir.resolve("db"));
  }

  @AfterEach
  void stopDatabase() throws Exception {
    db.close();
  }

  @Test
  void theFirstStartMakesAKeyOnlyItsOwnerReadsAndServesTheCertificateOverStartTls() throws Exception {
    Path smtpDir = dataDir.resolve("smtp");
    SmtpServer server = start(smtpDir);
    try (SmtpDialog smtp = new SmtpDialog(HOST, server.port())) {
      smtp.send("EHLO dyno");
      X509Certificate served = smtp.startTls();

      assertThat(served).isEqualTo(kept(smtpDir));
      assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=" + HOST);
      assertThat(smtp.send("EHLO dyno")).startsWith("250").containsPattern("AUTH.*PLAIN");
    } finally {
      server.stop().await(10, TimeUnit.SECONDS);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        smtpDir.resolve(StartTlsCertificate.KEY_FILE)))).isEqualTo("rw-------");
  }

  @Test
  void aSecondStartServesTheSameCertificate() throws Exception {
    Path smtpDir = dataDir.resolve("smtp");
    start(smtpDir).stop().await(10, TimeUnit.SECONDS);
    byte[] key = Files.readAllBytes(smtpDir.resolve(StartTlsCertificate.KEY_FILE));
    X509Certificate first = kept(smtpDir);

    SmtpServer again = start(smtpDir);
    try (SmtpDialog smtp = new SmtpDialog(HOST, again.port())) {
      smtp.send("EHLO dyno");
      assertThat(smtp.startTls()).isEqualTo(first);
    } finally {
      again.stop().await(10, TimeUnit.SECONDS);
    }
    assertThat(Files.readAllBytes(smtpDir.resolve(StartTlsCertificate.KEY_FILE))).isEqualTo(key);
  }

  private SmtpServer start(Path smtpDir) throws Exception {
    return db.startSmtp(smtpDir, MailAccounts.NONE, Optional.empty());
  }

  private static X509Certificate kept(Path smtpDir) throws Exception {
    byte[] pem = Files.readAllBytes(smtpDir.resolve(StartTlsCertificate.CERTIFICATE_FILE));
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem));
  }
}

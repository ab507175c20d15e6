package io.paas.controller.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends mail as an app would, with Jakarta Mail; over STARTTLS it trusts any certificate. */
public final class MailClient {
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final boolean startTls;

  public MailClient(String host, int port, String username, String password, boolean startTls) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.startTls = startTls;
  }

  public void send(String from, String to, String subject, String body) throws MessagingException {
    Session session = Session.getInstance(properties());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject, "UTF-8");
    message.setText(body, "UTF-8");
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(host, port, username, password);
      message.saveChanges();
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private Properties properties() {
    Properties properties = new Properties();
    properties.put("mail.smtp.auth", "true");
    properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
    properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
    properties.put("mail.smtp.ssl.trust", "*");
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    return properties;
  }
}

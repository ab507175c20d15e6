package io.paas.controller.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;

/**
 * A message as accepted: the envelope's recipients, the raw bytes, and the sender and subject read from its headers
 * for listing. A message whose headers do not parse is kept all the same, under its envelope sender.
 */
record ReceivedMail(String from, List<String> recipients, String subject, byte[] raw) {
  static final Session PARSING = Session.getInstance(new Properties());

  static ReceivedMail of(String envelopeFrom, List<String> recipients, byte[] raw) {
    String from = envelopeFrom;
    String subject = "";
    try {
      MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw));
      Address[] headerFrom = message.getFrom();
      if (headerFrom != null && headerFrom.length > 0) {
        from = headerFrom[0] instanceof InternetAddress address ? address.toUnicodeString() : headerFrom[0].toString();
      }
      subject = message.getSubject() != null ? message.getSubject() : "";
    } catch (MessagingException e) {
      // Listed under its envelope sender with no subject.
    }
    return new ReceivedMail(from, List.copyOf(recipients), subject, raw);
  }
}

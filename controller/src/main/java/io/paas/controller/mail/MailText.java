package io.paas.controller.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * The part of a message a person reads: its first text/plain part that is not an attachment, decoded from whatever
 * transfer encoding it came in.
 */
public final class MailText {
  private MailText() {
  }

  /** Empty for a message with no text/plain part (HTML only) or one that does not parse. */
  public static Optional<String> of(byte[] raw) {
    try {
      return text(new MimeMessage(ReceivedMail.PARSING, new ByteArrayInputStream(raw)));
    } catch (MessagingException | IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(Part part) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return Optional.empty();
    }
    if (part.isMimeType("text/plain")) {
      return Optional.of(String.valueOf(part.getContent()));
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        Optional<String> text = text(child);
        if (text.isPresent()) {
          return text;
        }
      }
    }
    return Optional.empty();
  }
}

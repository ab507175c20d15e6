package io.paas.controller.mail;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored message without its body, as {@code paas mail} lists it; {@code recipients} are the envelope's. */
public record MailSummary(long id, String addon, String from, List<String> recipients, String subject, int size,
                          OffsetDateTime receivedAt, String relayStatus) {
}

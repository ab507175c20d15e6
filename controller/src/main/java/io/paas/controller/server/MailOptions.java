package io.paas.controller.server;

import io.paas.controller.mail.RelayOptions;
import io.paas.controller.mail.SmtpOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** paas-server's command line for the smtp addon's mail server and the smarthost it relays to. */
final class MailOptions {
  @Option(names = "--smtp-port", description = "Port of the smtp addon's mail server, on the addon host "
      + "(default: one chosen at the first start and kept in DATA/smtp.port).")
  Integer port;

  @Option(names = "--smtp-relay-host", description = "Also send every accepted message on through this smarthost "
      + "(default: keep messages only, for `paas mail`).")
  String relayHost;

  @Option(names = "--smtp-relay-port", description = "The smarthost's port (default: ${DEFAULT-VALUE}).")
  int relayPort = 587;

  @Option(names = "--smtp-relay-username", description = "Log in to the smarthost as this user (default: no AUTH).")
  String relayUsername;

  @Option(names = "--smtp-relay-password", defaultValue = "${env:PAAS_SMTP_RELAY_PASSWORD}",
      description = "The smarthost password (default: $PAAS_SMTP_RELAY_PASSWORD, which keeps it out of ps).")
  String relayPassword;

  @Option(names = "--smtp-relay-starttls", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Insist on STARTTLS with a valid certificate at the smarthost (default: ${DEFAULT-VALUE}).")
  boolean relayStartTls;

  /** The mail server's settings, listening on {@code host}. */
  SmtpOptions smtp(Path dataDir, String host) {
    return new SmtpOptions(host, KeptPort.of(dataDir, "smtp", port), dataDir,
        Optional.ofNullable(relayHost).map(relay -> new RelayOptions(relay, relayPort, relayUsername, relayPassword,
            relayStartTls)));
  }
}

package io.paas.controller.mail;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the SMTP server listens ({@code port} 0: any free port), where it keeps its STARTTLS key and certificate,
 * and the smarthost it relays to, if any.
 */
public record SmtpOptions(String host, int port, Path dataDir, Optional<RelayOptions> relay) {
}

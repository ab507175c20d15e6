package io.paas.router.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How Caddy runs in front of the router.
 *
 * @param dataDir      Caddy's own directory: its PKI, certificates and the bootstrap file that sets its admin address
 * @param bindHost     the address Caddy's HTTPS and HTTP servers listen on ({@code 0.0.0.0} for every interface)
 * @param httpsPort    where HTTPS is served; redirects name it unless it is 443
 * @param httpPort     where plain HTTP is answered with a redirect to HTTPS (and ACME HTTP challenges)
 * @param upstreamHost the router's plain-HTTP address, usually {@code 127.0.0.1}
 * @param upstreamPort the router's port
 * @param acmeEmail    the operator's email for a public ACME CA (Let's Encrypt); null to issue every certificate from
 *                     Caddy's internal CA
 */
public record CaddyOptions(Path dataDir, String bindHost, int httpsPort, int httpPort, String upstreamHost,
    int upstreamPort, String acmeEmail) {

  public CaddyOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(upstreamHost, "upstreamHost");
    requirePort("HTTPS", httpsPort);
    requirePort("HTTP", httpPort);
    requirePort("upstream", upstreamPort);
    if (httpsPort == httpPort) {
      throw new IllegalArgumentException("HTTPS and HTTP need two ports, not both " + httpsPort);
    }
    if (acmeEmail != null && !acmeEmail.contains("@")) {
      throw new IllegalArgumentException("The ACME email must be an email address, not '" + acmeEmail + "'");
    }
  }

  /** Certificates from Caddy's internal CA only: for tests and installations without public names. */
  public static CaddyOptions internalCa(Path dataDir, String bindHost, int httpsPort, int httpPort,
      String upstreamHost, int upstreamPort) {
    return new CaddyOptions(dataDir, bindHost, httpsPort, httpPort, upstreamHost, upstreamPort, null);
  }

  public boolean usesAcme() {
    return acmeEmail != null;
  }

  private static void requirePort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("The " + what + " port must be 1 to 65535, not " + port);
    }
  }
}

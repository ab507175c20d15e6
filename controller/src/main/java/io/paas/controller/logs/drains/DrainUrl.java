package io.paas.controller.logs.drains;

/**
 * Where a drain sends: a URL {@link DrainUrlPolicy} accepted. {@code userInfo} (decoded) is only ever sent, as an
 * https drain's basic auth; {@code masked} is the URL to show, with it replaced by {@code ***}.
 */
public record DrainUrl(String raw, Scheme scheme, String host, int port, String requestUri, String userInfo,
                       String masked) {
  public enum Scheme {
    SYSLOG("syslog"), SYSLOG_TLS("syslog+tls"), HTTPS("https");

    private final String name;

    Scheme(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public boolean tls() {
    return scheme != Scheme.SYSLOG;
  }

  /** An IP address rather than a name, which TLS cannot name in SNI. */
  public boolean hostIsAddress() {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}

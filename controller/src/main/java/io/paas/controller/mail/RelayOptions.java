package io.paas.controller.mail;

/**
 * The smarthost every accepted message is also sent on to. {@code username} null means no AUTH; with
 * {@code startTls} the relay insists on STARTTLS and checks the smarthost's certificate.
 */
public record RelayOptions(String host, int port, String username, String password, boolean startTls) {
  @Override
  public String toString() {
    return "RelayOptions[host=" + host + ", port=" + port + ", username=" + username + ", startTls=" + startTls + "]";
  }
}

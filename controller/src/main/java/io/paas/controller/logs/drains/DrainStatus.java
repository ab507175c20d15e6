package io.paas.controller.logs.drains;

/**
 * How a drain is doing: {@code state} is {@value #CONNECTING} (nothing delivered yet), {@value #CONNECTED} (a syslog
 * connection is up, or the last https post was accepted), {@value #RETRYING} or {@value #STOPPED} (not running);
 * {@code lastError} names the last failure, never a credential.
 */
public record DrainStatus(String state, int buffered, long dropped, String lastError) {
  public static final String CONNECTING = "connecting";
  public static final String CONNECTED = "connected";
  public static final String RETRYING = "retrying";
  public static final String STOPPED = "stopped";
}

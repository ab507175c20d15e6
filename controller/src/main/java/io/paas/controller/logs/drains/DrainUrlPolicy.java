package io.paas.controller.logs.drains;

import io.paas.common.ApiException;
import io.paas.controller.logs.drains.DrainUrl.Scheme;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which drain URLs are accepted, and where a drain may connect. Everyone gets {@code syslog://HOST:PORT},
 * {@code syslog+tls://HOST:PORT} and {@code https://HOST[:PORT]/PATH}. A tenant's drain must not reach the
 * platform's own host or the cloud's metadata service, which would hand the tenant whatever answers there; an
 * admin is trusted with those (a receiver on loopback is how an operator tests a drain).
 */
public final class DrainUrlPolicy {
  private static final int MAX_LENGTH = 2048;
  private static final String SCHEMES = "syslog://HOST:PORT, syslog+tls://HOST:PORT or https://HOST[:PORT]/PATH";
  private static final InetAddress AWS_METADATA_V6 = literal("fd00:ec2::254");
  private static final DrainUrlPolicy TENANT = new DrainUrlPolicy(false);
  private static final DrainUrlPolicy TRUSTED = new DrainUrlPolicy(true);

  private final boolean trusted;

  private DrainUrlPolicy(boolean trusted) {
    this.trusted = trusted;
  }

  public static DrainUrlPolicy of(boolean trusted) {
    return trusted ? TRUSTED : TENANT;
  }

  /** The URL taken apart, or a 422 that says what is wrong with it. */
  public DrainUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiException.invalid("url is required: " + SCHEMES + ".");
    }
    if (raw.length() > MAX_LENGTH) {
      throw ApiException.invalid("url must be at most " + MAX_LENGTH + " characters.");
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw ApiException.invalid("url is not a valid URL; use " + SCHEMES + ".");
    }
    Scheme scheme = scheme(uri.getScheme());
    if (uri.getHost() == null) {
      throw ApiException.invalid("url needs a host name or address: " + SCHEMES + ".");
    }
    String host = uri.getHost().replaceAll("^\\[(.*)]$", "$1").toLowerCase(Locale.ROOT);
    requireAllowedName(host);
    int port = port(uri, scheme);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (scheme != Scheme.HTTPS && (!path.equals("/") || uri.getRawQuery() != null || uri.getRawUserInfo() != null)) {
      throw ApiException.invalid("A syslog drain is HOST:PORT only, with no user, path or query.");
    }
    return new DrainUrl(raw, scheme, host, port, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(),
        uri.getUserInfo(), masked(raw));
  }

  /** The addresses the drain's host resolved to, or a 422 when any of them is one a tenant may not reach. */
  public List<InetAddress> requireAllowed(DrainUrl url, List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      if (!trusted && internal(address)) {
        throw ApiException.invalid(url.host() + " resolves to " + address.getHostAddress()
            + ", a loopback, unspecified or link-local address, which drains may not reach.");
      }
    }
    return addresses;
  }

  private void requireAllowedName(String host) {
    String name = host.replaceAll("\\.$", "");
    boolean internal = name.equals("localhost") || name.endsWith(".localhost") || name.equals("metadata")
        || name.endsWith(".internal");
    if (!trusted && internal) {
      throw ApiException.invalid(host + " is a name of this host or of the cloud's metadata service, which drains "
          + "may not reach.");
    }
  }

  /**
   * Loopback, unspecified (all of 0.0.0.0/8, which reaches this host on Linux), link-local (where clouds serve
   * metadata, 169.254.169.254) and AWS's IPv6 metadata address.
   */
  private static boolean internal(InetAddress address) {
    boolean thisNetwork = address instanceof Inet4Address && address.getAddress()[0] == 0;
    return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || thisNetwork
        || address.equals(AWS_METADATA_V6);
  }

  /**
   * A URL this policy accepted, as it may be shown: user and password, an https drain's credentials, as
   * {@code ***}.
   */
  public static String masked(String raw) {
    String rawUserInfo = URI.create(raw).getRawUserInfo();
    if (rawUserInfo == null) {
      return raw;
    }
    int start = raw.indexOf("://") + 3;
    return raw.substring(0, start) + "***" + raw.substring(start + rawUserInfo.length());
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Scheme scheme(String name) {
    return Arrays.stream(Scheme.values()).filter(s -> s.toString().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> ApiException.invalid("Unsupported drain URL scheme" + (name == null ? "" : " " + name)
            + ": use " + SCHEMES + "."));
  }

  private static int port(URI uri, Scheme scheme) {
    if (uri.getPort() == -1 && uri.getRawAuthority().endsWith(":")) {
      throw ApiException.invalid("url has an empty port.");
    }
    if (uri.getPort() == -1) {
      if (scheme != Scheme.HTTPS) {
        throw ApiException.invalid("A syslog drain needs a port: " + scheme + "://HOST:PORT.");
      }
      return 443;
    }
    if (uri.getPort() < 1 || uri.getPort() > 65535) {
      throw ApiException.invalid("url's port must be from 1 to 65535.");
    }
    return uri.getPort();
  }
}

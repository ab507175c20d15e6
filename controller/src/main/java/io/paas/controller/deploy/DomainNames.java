package io.paas.controller.deploy;

import io.paas.common.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for custom domains: host names of RFC 1123 labels, lower-cased. Wildcards and IP literals are refused, and
 * so are the platform's own domain and every name under it: those are the apps' default hosts.
 */
public final class DomainNames {
  private static final int MAX_LENGTH = 253;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private final String platformDomain;

  public DomainNames(String platformDomain) {
    this.platformDomain = platformDomain.toLowerCase(Locale.ROOT);
  }

  /** The name in lower case, or a 422 that says what is wrong with it. */
  public String require(String hostname) {
    if (hostname == null || hostname.isEmpty()) {
      throw ApiException.invalid("hostname is required, such as www.example.com.");
    }
    String name = hostname.toLowerCase(Locale.ROOT);
    if (name.contains("*")) {
      throw ApiException.invalid("Wildcard domains are not supported; add each name.");
    }
    String[] labels = name.split("\\.", -1);
    if (name.length() > MAX_LENGTH || labels.length < 2
        || !Arrays.stream(labels).allMatch(label -> LABEL.matcher(label).matches())) {
      throw ApiException.invalid(hostname + " is not a valid domain name: it needs two or more labels of a-z, 0-9 "
          + "and -, each 1 to 63 characters that do not start or end with -, and " + MAX_LENGTH
          + " characters at most.");
    }
    // No top-level domain is all digits, so this refuses IPv4 literals (IPv6 ones fail the label rule).
    if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
      throw ApiException.invalid(hostname + " is an IP address; a custom domain is a name.");
    }
    if (name.equals(platformDomain) || name.endsWith("." + platformDomain)) {
      throw ApiException.invalid(hostname + " is under the platform's domain " + platformDomain
          + ", where apps have their default hosts.");
    }
    return name;
  }
}

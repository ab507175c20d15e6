package io.paas.router.tls;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names Caddy may serve, and which of them only our internal CA can certify.
 *
 * <p>Caddy 2.6.2 accepts any string in a host matcher (spaces, slashes, placeholders) and only fails later, when it
 * tries to get a certificate; so names are checked here, before a config is loaded.
 */
final class HostName {
  private static final int MAX_LENGTH = 253;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** Special-use top-level names (RFC 2606, 6761, 6762 and ICANN's .internal): no public CA certifies them. */
  private static final Set<String> PRIVATE_TOP_LEVEL = Set.of("localhost", "test", "internal", "local", "example",
      "invalid");

  private HostName() {
  }

  /** The name in lower case, or an IllegalArgumentException that says why Caddy cannot serve it. */
  static String normalized(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.length() > MAX_LENGTH || !allLabelsValid(lower)) {
      throw new IllegalArgumentException("Not a host name: '" + name + "'. A host name is dot-separated labels of "
          + "letters, digits and inner dashes (international names in their xn-- form), with no port or wildcard.");
    }
    return lower;
  }

  /** Whether a public ACME CA would refuse the name: special-use names and IPv4 literals. */
  static boolean isInternal(String normalizedName) {
    String topLevel = normalizedName.substring(normalizedName.lastIndexOf('.') + 1);
    // No top-level domain is all digits, so such a name is an IPv4 address.
    return PRIVATE_TOP_LEVEL.contains(topLevel) || DIGITS.matcher(topLevel).matches();
  }

  private static boolean allLabelsValid(String name) {
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}

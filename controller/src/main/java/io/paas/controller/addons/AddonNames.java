package io.paas.controller.addons;

import io.paas.common.ApiException;
import io.paas.common.Printable;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of addons ({@code postgres-amber-48213}, unique on the platform and safe as a database, role or directory
 * name) and of attachments ({@code DATABASE}, the prefix of the config vars they set).
 */
final class AddonNames {
  private static final Pattern ATTACHMENT = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final List<String> WORDS = List.of("amber", "aqua", "azure", "coral", "crimson", "gold", "ivory",
      "jade", "olive", "onyx", "pearl", "ruby", "sage", "silver", "teal", "violet");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AddonNames() {
  }

  static String newName(String service) {
    return service + "-" + WORDS.get(RANDOM.nextInt(WORDS.size())) + "-" + (10000 + RANDOM.nextInt(90000));
  }

  /** The given attachment name checked, or a 422 saying what one looks like. */
  static String requireAttachment(String as) {
    if (!ATTACHMENT.matcher(as).matches() || as.startsWith("PAAS_")) {
      throw ApiException.invalid("Invalid attachment name " + Printable.of(as) + ": use uppercase letters, digits "
          + "and underscores, starting with a letter (DATABASE sets DATABASE_URL).");
    }
    return as;
  }

  /** The service's usual name when free, else the first free {@code SERVICE_COLOR}, as Heroku names a second DB. */
  static String freeAttachment(String service, String usual, Set<String> taken) {
    if (!taken.contains(usual)) {
      return usual;
    }
    String prefix = service.toUpperCase(Locale.ROOT) + "_";
    return WORDS.stream().map(word -> prefix + word.toUpperCase(Locale.ROOT)).filter(name -> !taken.contains(name))
        .findFirst().orElseThrow(() -> ApiException.conflict("The app has no free attachment name left for "
            + service + "; give one with --as."));
  }
}

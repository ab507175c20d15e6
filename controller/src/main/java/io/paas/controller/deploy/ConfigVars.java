package io.paas.controller.deploy;

import io.paas.common.ApiException;
import io.paas.common.Printable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The rules for config var changes: shell-safe keys, none the platform sets itself, bounded sizes. */
public final class ConfigVars {
  private static final Pattern KEY = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");
  /** Set by the platform on every dyno; a user value would be overridden or break routing. */
  private static final Set<String> RESERVED = Set.of("PORT", "DYNO");
  private static final String RESERVED_PREFIX = "PAAS_";
  private static final int MAX_VALUE = 32 * 1024;

  private ConfigVars() {
  }

  /** Checks a change ({@code null} removes a key) and says which key is wrong and why. */
  public static void validate(Map<String, String> changes) {
    if (changes.isEmpty()) {
      throw ApiException.invalid("No config vars given.");
    }
    for (Map.Entry<String, String> change : changes.entrySet()) {
      String key = change.getKey();
      if (!KEY.matcher(key).matches()) {
        throw ApiException.invalid("Invalid config var name " + Printable.of(key)
            + ": use uppercase letters, digits and underscores, not starting with a digit.");
      }
      if (RESERVED.contains(key) || key.startsWith(RESERVED_PREFIX)) {
        throw ApiException.invalid(key + " is set by the platform and cannot be changed.");
      }
      if (change.getValue() != null && change.getValue().length() > MAX_VALUE) {
        throw ApiException.invalid("The value of " + key + " is longer than " + MAX_VALUE + " characters.");
      }
    }
  }

  /** An addon's config vars change only with the addon: a user value would point the app at something else. */
  public static void refuseAddonKeys(Collection<String> keys, Collection<String> addonKeys) {
    List<String> owned = keys.stream().filter(addonKeys::contains).sorted().toList();
    if (!owned.isEmpty()) {
      throw ApiException.invalid(String.join(", ", owned) + (owned.size() == 1 ? " is" : " are")
          + " set by an addon; remove or re-attach the addon to change " + (owned.size() == 1 ? "it." : "them."));
    }
  }

  /** The config after applying a change; sorted, so releases and listings read the same way. */
  public static Map<String, String> apply(Map<String, String> config, Map<String, String> changes) {
    Map<String, String> next = new TreeMap<>(config);
    changes.forEach((key, value) -> {
      if (value == null) {
        next.remove(key);
      } else {
        next.put(key, value);
      }
    });
    return next;
  }

  /** The keys a change sets, in its order. */
  public static List<String> setKeys(Map<String, String> changes) {
    return changes.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
  }

  /** The keys a change removes ({@code null} values), in its order. */
  public static List<String> removedKeys(Map<String, String> changes) {
    return changes.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
  }

  /** Heroku's words for a change, keys only: values never reach a description or a log. */
  public static String describe(Map<String, String> changes) {
    List<String> set = setKeys(changes);
    List<String> removed = removedKeys(changes);
    if (removed.isEmpty()) {
      return "Set " + String.join(", ", set) + " config vars";
    }
    if (set.isEmpty()) {
      return "Remove " + String.join(", ", removed) + " config vars";
    }
    return "Set " + String.join(", ", set) + " and remove " + String.join(", ", removed) + " config vars";
  }
}

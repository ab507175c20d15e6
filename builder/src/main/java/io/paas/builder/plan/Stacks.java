package io.paas.builder.plan;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images builds start from, by stack key. The defaults are made by the platform itself when missing (from a
 * debootstrapped Debian); an installation with a registry points keys at its own images instead, and can offer more
 * Java versions by naming a {@code java-N} (JDK and Maven) and a {@code java-N-runtime} (JRE) image.
 */
public record Stacks(Map<String, String> images) {
  /** A minimal Debian every platform-made stack starts from. */
  public static final String BASE = "base";
  /** A JRE, for running Java apps. */
  public static final String JAVA_17_RUNTIME = "java-17-runtime";
  /** A JDK and Maven on top of the runtime, for building Java apps. */
  public static final String JAVA_17 = "java-17";
  /** Node.js and npm. */
  public static final String NODE = "node";
  /** A static busybox, whose httpd serves static sites. */
  public static final String STATIC = "static";
  private static final String ENV_PREFIX = "PAAS_STACK_";
  private static final Pattern JAVA = Pattern.compile("java-(\\d+)");

  private static final Stacks DEFAULTS = new Stacks(Map.of(
      BASE, "paas/stack-base:bookworm",
      JAVA_17_RUNTIME, "paas/stack-java-runtime:17",
      JAVA_17, "paas/stack-java:17",
      NODE, "paas/stack-node:bookworm",
      STATIC, "paas/stack-static:bookworm"));

  public Stacks {
    images = Collections.unmodifiableMap(new TreeMap<>(images));
  }

  public static Stacks defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults, with a key replaced or added for each {@code PAAS_STACK_<KEY>} variable ({@code PAAS_STACK_JAVA_17=
   * registry:5000/java:17} sets {@code java-17}).
   */
  public static Stacks fromEnvironment(Map<String, String> env) {
    Stacks stacks = defaults();
    for (Map.Entry<String, String> var : new TreeMap<>(env).entrySet()) {
      if (var.getKey().startsWith(ENV_PREFIX) && !var.getValue().isBlank()) {
        String key = var.getKey().substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
        stacks = stacks.with(key, var.getValue().strip());
      }
    }
    return stacks;
  }

  public Stacks with(String key, String image) {
    Map<String, String> changed = new TreeMap<>(images);
    changed.put(key, image);
    return new Stacks(changed);
  }

  public String image(String key) {
    String image = images.get(key);
    if (image == null) {
      throw new IllegalArgumentException("No stack named " + key);
    }
    return image;
  }

  /** True when the key names the platform's own image, which the builder may make when it is missing. */
  public boolean isPlatformMade(String key) {
    return DEFAULTS.images.containsKey(key) && DEFAULTS.images.get(key).equals(images.get(key));
  }

  /** The Java versions with both a build and a runtime image. */
  public SortedSet<Integer> javaVersions() {
    SortedSet<Integer> versions = new TreeSet<>();
    for (String key : images.keySet()) {
      Matcher java = JAVA.matcher(key);
      if (java.matches() && images.containsKey(javaRuntime(Integer.parseInt(java.group(1))))) {
        versions.add(Integer.parseInt(java.group(1)));
      }
    }
    return versions;
  }

  public static String java(int version) {
    return "java-" + version;
  }

  public static String javaRuntime(int version) {
    return "java-" + version + "-runtime";
  }

  /** The key whose image is {@code image}, if it is one of these stacks. */
  public Optional<String> keyOf(String image) {
    return images.entrySet().stream().filter(e -> e.getValue().equals(image)).map(Map.Entry::getKey).findFirst();
  }
}

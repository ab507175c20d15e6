package io.paas.builder.image;

import io.paas.builder.plan.Dockerfile;
import io.paas.builder.plan.Stacks;
import java.util.Map;

/**
 * How the platform makes its language stacks with no registry: Debian packages on the base stack, in a
 * {@code docker build}. The base itself is bootstrapped ({@link BaseImage}). The host's added CA certificates go into
 * every stack that fetches over HTTPS, so a build behind a TLS-inspecting proxy trusts what the host trusts.
 */
final class StackRecipes {
  /** Where the build context holds the CA certificates; the stacks add them to Debian's. */
  static final String CA_DIR = "ca-certificates/";
  private static final String SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
  private static final Map<String, String> PARENTS = Map.of(
      Stacks.JAVA_17_RUNTIME, Stacks.BASE,
      Stacks.JAVA_17, Stacks.JAVA_17_RUNTIME,
      Stacks.NODE, Stacks.BASE,
      Stacks.STATIC, Stacks.BASE);

  private StackRecipes() {
  }

  /** The stack the key's image is built on; null for the base, which is bootstrapped. */
  static String parent(String key) {
    return PARENTS.get(key);
  }

  static Dockerfile dockerfile(String key, Stacks stacks) {
    String parent = stacks.image(parent(key));
    return switch (key) {
      case Stacks.JAVA_17_RUNTIME -> new Dockerfile()
          .from(parent)
          .copy(CA_DIR, "/usr/local/share/ca-certificates/paas/")
          .run(aptInstall("ca-certificates openjdk-17-jre-headless"));
      case Stacks.JAVA_17 -> new Dockerfile()
          .from(parent)
          .run(aptInstall("openjdk-17-jdk-headless maven"));
      case Stacks.NODE -> new Dockerfile()
          .from(parent)
          .copy(CA_DIR, "/usr/local/share/ca-certificates/paas/")
          .run(aptInstall("ca-certificates nodejs npm"))
          .env("NODE_EXTRA_CA_CERTS", SYSTEM_CA_BUNDLE); // node keeps its own CA list otherwise
      case Stacks.STATIC -> new Dockerfile()
          .from(parent, "busybox")
          .run(aptInstall("busybox-static"))
          .from("scratch")
          .copyFromStage("busybox", "/bin/busybox", "/bin/busybox")
          .runExec("/bin/busybox", "--install", "-s", "/bin");
      default -> throw new IllegalArgumentException("No recipe for the stack " + key);
    };
  }

  private static String[] aptInstall(String packages) {
    return new String[] {
        "apt-get update -q",
        "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends " + packages,
        "apt-get clean",
        "rm -rf /var/lib/apt/lists/*"};
  }
}

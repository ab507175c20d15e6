package io.paas.agent.docker;

import java.util.Map;

/**
 * Who a dyno runs as: the user its image names, unless that is root (or none, which is root too); then a fixed
 * unprivileged uid and gid that no image account has, so the app can write only where everyone may: /tmp.
 */
record DynoUser(String user, Map<String, String> env) {
  static final String UNPRIVILEGED = "10001:10001";
  /** The unprivileged uid has no account, so Docker would give it / as HOME, where it cannot write. */
  private static final Map<String, String> UNPRIVILEGED_ENV = Map.of("HOME", "/tmp");

  /** {@code imageUser} is the image's USER ({@code app}, {@code 1000:1000}; null or empty when it names none). */
  static DynoUser of(String imageUser) {
    return isRoot(imageUser) ? new DynoUser(UNPRIVILEGED, UNPRIVILEGED_ENV) : new DynoUser(imageUser, Map.of());
  }

  private static boolean isRoot(String imageUser) {
    String user = imageUser == null ? "" : imageUser.split(":", 2)[0].strip();
    return user.isEmpty() || user.equals("root") || user.matches("0+");
  }
}

package io.paas.cli.command;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The user and password of a {@code scheme://user:password@host} URL, decoded. */
record UserInfo(String name, String password) {
  static UserInfo of(URI url) {
    String raw = url.getRawUserInfo() == null ? "" : url.getRawUserInfo();
    int colon = raw.indexOf(':');
    String name = colon < 0 ? raw : raw.substring(0, colon);
    String password = colon < 0 ? "" : raw.substring(colon + 1);
    return new UserInfo(decode(name), decode(password));
  }

  /** Percent-decoding only: a {@code +} in a URL's user info is a plus, not the space it is in a form. */
  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

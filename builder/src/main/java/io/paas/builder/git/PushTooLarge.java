package io.paas.builder.git;

import io.paas.common.ApiException;
import io.vertx.core.buffer.Buffer;

/**
 * A push refused for its size, with the start of its body: the commands and capabilities there let the refusal be
 * told in git's own protocol, which the pusher sees, rather than as a bare HTTP 413, which git shows without its text.
 */
final class PushTooLarge extends ApiException {
  private final transient Buffer head;

  PushTooLarge(long maxBytes, Buffer head) {
    super(413, "push_too_large", "This push is larger than the " + size(maxBytes)
        + " a push may be. Keep large files out of the repository (and its history), or ask for a higher limit.");
    this.head = head;
  }

  /** The first bytes of the request body (up to {@link PushBody#HEAD_BYTES}). */
  Buffer head() {
    return head;
  }

  private static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return (bytes >> 20) + " MB";
    }
    return bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
  }
}

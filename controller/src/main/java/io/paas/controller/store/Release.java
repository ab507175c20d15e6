package io.paas.controller.store;

import java.time.OffsetDateTime;

/** status: pending while rolling out, succeeded once it served, failed when it never did. */
public record Release(long id, long appId, int version, Long buildId, String image, String description,
                      String userEmail, String status, OffsetDateTime createdAt) {
  public String name() {
    return "v" + version;
  }
}

package io.paas.controller.store;

import java.time.OffsetDateTime;

/** status: pending, succeeded or failed. */
public record Build(long id, long appId, String userEmail, String commit, String status, String image, String output,
                    OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}

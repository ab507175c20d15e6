package io.paas.controller.store;

import java.time.OffsetDateTime;

/** A custom domain: {@code hostname} (lower case) routes to the app with {@code appId}. */
public record Domain(long appId, String hostname, OffsetDateTime createdAt) {
}

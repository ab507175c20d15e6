package io.paas.controller.store;

import java.time.OffsetDateTime;

/**
 * A log drain of the app {@code app} (by name, as logs are keyed). {@code url} is as given, credentials included;
 * {@code trusted} says an admin added it, so it may reach internal addresses.
 */
public record LogDrain(long id, long appId, String app, String url, String token, boolean trusted,
                       OffsetDateTime createdAt) {
}

package io.paas.controller.store;

import java.time.OffsetDateTime;

/** What is shown of a token after it was made: never the token, never its hash. A null expiry means never. */
public record ApiToken(long id, String description, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime lastUsedAt) {
}

package io.paas.controller.store;

import java.time.OffsetDateTime;

/** An account. The password hash never leaves the store except to check a login. */
public record User(long id, String email, boolean admin, OffsetDateTime createdAt) {
}

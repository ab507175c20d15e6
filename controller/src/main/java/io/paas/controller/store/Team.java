package io.paas.controller.store;

import java.time.OffsetDateTime;

public record Team(long id, String name, OffsetDateTime createdAt) {
}

package io.paas.controller.store;

/** The user a presented token belongs to, and which of their tokens it is. */
public record TokenOwner(long tokenId, User user) {
}

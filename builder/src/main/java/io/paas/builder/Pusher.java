package io.paas.builder;

/** The authenticated user behind a git push. */
public record Pusher(long userId, String email) {
}

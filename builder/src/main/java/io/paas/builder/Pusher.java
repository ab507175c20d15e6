package io.paas.builder;

/** The authenticated user behind a git push, and the address the push came from (null when unknown). */
public record Pusher(long userId, String email, String address) {
}

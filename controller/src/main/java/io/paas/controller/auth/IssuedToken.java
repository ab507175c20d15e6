package io.paas.controller.auth;

import io.paas.controller.store.ApiToken;
import io.paas.controller.store.User;

/** A token just made: what is kept of it, whose it is, and the secret itself, which is shown this once. */
public record IssuedToken(ApiToken token, User owner, String secret) {
}

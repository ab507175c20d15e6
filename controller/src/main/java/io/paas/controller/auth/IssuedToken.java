package io.paas.controller.auth;

import io.paas.controller.store.ApiToken;

/** A token just made: what is kept of it, and the secret itself, which is shown this once. */
public record IssuedToken(ApiToken token, String secret) {
}

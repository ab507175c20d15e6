package io.paas.controller.store;

import java.time.OffsetDateTime;

/** A user with access to an app or a team, in the role they have there, since when. */
public record Member(String email, Role role, OffsetDateTime since) {
}

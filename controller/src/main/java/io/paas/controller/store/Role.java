package io.paas.controller.store;

import io.paas.common.ApiException;
import java.util.Locale;

/**
 * What a user is to an app: the owner or a collaborator of a personal app, or, through its team, an admin, member
 * or viewer. The last three are also the roles in a team. What each may do is {@code access.Permission}'s concern.
 */
public enum Role {
  OWNER, COLLABORATOR, ADMIN, MEMBER, VIEWER;

  /** As the API and the database spell it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Role of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** A role a team member can be given, or a 422 that lists them. */
  public static Role inTeam(String wire) {
    for (Role role : new Role[] {ADMIN, MEMBER, VIEWER}) {
      if (role.wire().equals(wire)) {
        return role;
      }
    }
    throw ApiException.invalid("Role must be admin, member or viewer.");
  }
}

package io.paas.controller.access;

import io.paas.controller.store.Role;
import java.util.EnumSet;
import java.util.Set;

/** What a request does to an app (or a team), and the roles that may do it. */
public enum Permission {
  /** Look at it: info, builds, releases, logs, dynos, domains, addons, drains, mail. */
  READ(EnumSet.allOf(Role.class)),
  /** Change what runs and how: push, config vars, scale, restart, run, rollback, domains, addons, drains, settings. */
  DEPLOY(EnumSet.of(Role.OWNER, Role.COLLABORATOR, Role.ADMIN, Role.MEMBER)),
  /** Decide who has it: destroy, transfer, share (collaborators, team members). */
  ADMIN(EnumSet.of(Role.OWNER, Role.ADMIN));

  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = roles;
  }

  public boolean allows(Role role) {
    return roles.contains(role);
  }

  /** "a viewer", "an admin": how a denial names the caller's role. */
  static String article(Role role) {
    return ("aeiou".indexOf(role.wire().charAt(0)) >= 0 ? "an " : "a ") + role.wire();
  }
}

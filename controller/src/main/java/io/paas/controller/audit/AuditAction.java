package io.paas.controller.audit;

/** What the audit log records, by the name it is stored and filtered under. */
public enum AuditAction {
  LOGIN("login"),
  LOGIN_FAILED("login.failed"),
  APP_CREATE("app.create"),
  APP_DESTROY("app.destroy"),
  DEPLOY("release.deploy"),
  ROLLBACK("release.rollback"),
  CONFIG_CHANGE("config.change"),
  FORMATION_CHANGE("formation.change"),
  RESTART("dynos.restart"),
  ADDON_CREATE("addon.create"),
  ADDON_DESTROY("addon.destroy"),
  DOMAIN_ADD("domain.add"),
  DOMAIN_REMOVE("domain.remove"),
  MAINTENANCE_ON("maintenance.on"),
  MAINTENANCE_OFF("maintenance.off"),
  QUOTA_CHANGE("quota.change"),
  TOKEN_CREATE("token.create"),
  TOKEN_REVOKE("token.revoke"),
  TEAM_CREATE("team.create"),
  TEAM_MEMBER_ADD("team.member.add"),
  TEAM_MEMBER_ROLE("team.member.role"),
  TEAM_MEMBER_REMOVE("team.member.remove"),
  ACCESS_ADD("access.add"),
  ACCESS_REMOVE("access.remove"),
  APP_TRANSFER("app.transfer");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}

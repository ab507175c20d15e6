package io.paas.controller.deploy;

/** Where users reach an app and its git remote. */
public record AppUrls(String apiUrl, String domain, int routerPort) {
  public String web(String app) {
    return "http://" + host(app) + (routerPort == 80 ? "" : ":" + routerPort) + "/";
  }

  /** The app's default host name, {@code APP.DOMAIN}. */
  public String host(String app) {
    return app + "." + domain;
  }

  public String git(String app) {
    return apiUrl + "/git/" + app + ".git";
  }
}

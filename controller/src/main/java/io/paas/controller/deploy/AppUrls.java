package io.paas.controller.deploy;

/** Where users reach an app and its git remote. */
public record AppUrls(String apiUrl, String domain, int routerPort) {
  public String web(String app) {
    return "http://" + app + "." + domain + (routerPort == 80 ? "" : ":" + routerPort) + "/";
  }

  public String git(String app) {
    return apiUrl + "/git/" + app + ".git";
  }
}

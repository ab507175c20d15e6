package io.paas.controller.api;

import io.paas.controller.deploy.AppUrls;
import io.paas.controller.logs.drains.DrainReport;
import io.paas.controller.mail.MailSummary;
import io.paas.controller.metrics.AppMetrics;
import io.paas.controller.metrics.AppSummary;
import io.paas.controller.metrics.MemorySeries;
import io.paas.controller.metrics.RequestMinute;
import io.paas.controller.store.ApiToken;
import io.paas.controller.store.App;
import io.paas.controller.store.Build;
import io.paas.controller.store.Domain;
import io.paas.controller.store.Member;
import io.paas.controller.store.Release;
import io.paas.controller.store.TeamGrant;
import io.paas.controller.store.TeamSummary;
import io.paas.controller.store.User;
import io.paas.controller.store.UserSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of the API's resources, after Heroku's Platform API where it has one. */
final class Views {
  private Views() {
  }

  static JsonObject user(User user) {
    return new JsonObject().put("id", user.id()).put("email", user.email()).put("admin", user.admin())
        .put("created_at", time(user.createdAt()));
  }

  /** A user as the admin's list shows them, with the number of apps they own personally. */
  static JsonObject user(UserSummary summary) {
    return user(summary.user()).put("apps", summary.apps());
  }

  /** Never the token itself, nor its hash. */
  static JsonObject token(ApiToken token) {
    return new JsonObject().put("id", token.id()).put("description", token.description())
        .put("created_at", time(token.createdAt())).put("expires_at", time(token.expiresAt()))
        .put("last_used_at", time(token.lastUsedAt()));
  }

  /** A team app has a team and no owner: its owner row grants nothing, so showing it would mislead. */
  static JsonObject app(App app, Optional<Release> current, AppUrls urls, AppSummary summary) {
    return new JsonObject()
        .put("name", app.name())
        .put("owner", app.team() == null ? app.ownerEmail() : null)
        .put("team", app.team())
        .put("created_at", time(app.createdAt()))
        .put("release", current.map(Release::name).orElse(null))
        .put("released_at", current.map(release -> time(release.createdAt())).orElse(null))
        .put("dynos", new JsonObject().put("up", summary.dynosUp()).put("total", summary.dynosTotal()))
        .put("errors_last_hour", summary.errorsLastHour())
        .put("web_url", urls.web(app.name()))
        .put("git_url", urls.git(app.name()))
        .put("maintenance", app.settings().maintenance())
        .put("request_timeout", app.settings().requestTimeout())
        .put("health_check_path", app.settings().healthCheckPath());
  }

  /** A team, with the caller's role in it. */
  static JsonObject team(TeamGrant grant) {
    return new JsonObject().put("name", grant.team().name()).put("role", grant.role().wire())
        .put("created_at", time(grant.team().createdAt()));
  }

  /** A team as the admin's list shows it: no role, since the admin need not be in it. */
  static JsonObject team(TeamSummary summary) {
    return new JsonObject().put("name", summary.team().name()).put("created_at", time(summary.team().createdAt()))
        .put("members", summary.members()).put("apps", summary.apps());
  }

  /** Someone with access to a team or an app, and their role there. */
  static JsonObject member(Member member) {
    return new JsonObject().put("email", member.email()).put("role", member.role().wire())
        .put("created_at", time(member.since()));
  }

  /** The app's own host, which Heroku lists among its domains too. */
  static JsonObject defaultDomain(App app, AppUrls urls) {
    return new JsonObject().put("hostname", urls.host(app.name())).put("kind", "default").putNull("cname")
        .put("created_at", time(app.createdAt()));
  }

  /** A custom domain; {@code cname} is where its DNS record should point: the app's own host. */
  static JsonObject customDomain(Domain domain, String cname) {
    return new JsonObject().put("hostname", domain.hostname()).put("kind", "custom").put("cname", cname)
        .put("created_at", time(domain.createdAt()));
  }

  /** A log drain after Heroku's, with how delivery is going; the URL's credentials masked. */
  static JsonObject logDrain(DrainReport report) {
    return new JsonObject()
        .put("id", report.drain().id())
        .put("url", report.url())
        .put("token", report.drain().token())
        .put("state", report.status().state())
        .put("buffered", report.status().buffered())
        .put("dropped", report.status().dropped())
        .put("last_error", report.status().lastError())
        .put("created_at", time(report.drain().createdAt()));
  }

  static JsonObject build(Build build, boolean withOutput) {
    JsonObject json = new JsonObject()
        .put("id", build.id())
        .put("status", build.status())
        .put("commit", build.commit())
        .put("image", build.image())
        .put("user", build.userEmail())
        .put("created_at", time(build.createdAt()))
        .put("finished_at", time(build.finishedAt()));
    return withOutput ? json.put("output", build.output()) : json;
  }

  /** Values of config vars never appear in a release: only their names. */
  static JsonObject release(Release release, boolean current, boolean detailed) {
    JsonObject json = new JsonObject()
        .put("version", release.version())
        .put("name", release.name())
        .put("status", release.status())
        .put("description", release.description())
        .put("image", release.image())
        .put("build_id", release.buildId())
        .put("user", release.userEmail())
        .put("created_at", time(release.createdAt()))
        .put("current", current);
    if (detailed) {
      json.put("process_types", new JsonObject(new LinkedHashMap<>(release.processTypes())))
          .put("config_keys", new JsonArray(List.copyOf(release.env().keySet())))
          .put("release_command", release.releaseCommand());
    }
    return json;
  }

  /** A stored message without its body; {@code to} lists the envelope's recipients, Bcc included. */
  static JsonObject mail(MailSummary mail) {
    return new JsonObject()
        .put("id", mail.id())
        .put("addon", mail.addon())
        .put("from", mail.from())
        .put("to", new JsonArray(mail.recipients()))
        .put("subject", mail.subject())
        .put("size", mail.size())
        .put("received_at", time(mail.receivedAt()))
        .put("relay_status", mail.relayStatus());
  }

  /**
   * An app's last hour: {@value AppMetrics#WINDOW_MINUTES} minutes of requests, oldest first, and each dyno's memory
   * samples, timed to the second (the engine's own times have nanoseconds, more than a browser's date parsing takes).
   */
  static JsonObject metrics(List<RequestMinute> requests, List<MemorySeries> memory) {
    return new JsonObject()
        .put("window_minutes", AppMetrics.WINDOW_MINUTES)
        .put("requests", new JsonArray(requests.stream().map(minute -> new JsonObject()
            .put("minute", minute.minute().toString())
            .put("total", minute.total())
            .put("2xx", minute.status2xx())
            .put("3xx", minute.status3xx())
            .put("4xx", minute.status4xx())
            .put("5xx", minute.status5xx())
            .put("p50_ms", minute.p50Millis())
            .put("p95_ms", minute.p95Millis())).toList()))
        .put("memory", new JsonArray(memory.stream().map(series -> new JsonObject()
            .put("dyno", series.dyno())
            .put("samples", new JsonArray(series.samples().stream().map(sample -> new JsonObject()
                .put("at", sample.at().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("bytes", sample.bytes())
                .put("limit_bytes", sample.limitBytes())).toList()))).toList()));
  }

  private static String time(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }
}

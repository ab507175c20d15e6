package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console as a user lives it, in a real chromium against a real platform: log in, create an app, deploy it
 * with git and watch the release and the router's log lines arrive, scale, set config, roll back, add Postgres, read
 * the metrics; another tenant sees none of it; an admin sees the platform; the pages fit a phone; the app is deleted.
 * Every step waits on what the page shows, and ends with the browser's console free of errors (but for the API's
 * 404 that the other tenant is meant to get). The steps share one platform and one browser and run in order;
 * screenshots of each page land in e2e/target/screenshots.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleIT {
  private static final String PASSWORD = "console-e2e-password";
  /** A git push returns once the release serves; a dyno or an addon takes a little longer to show. */
  private static final Duration PLATFORM = Duration.ofSeconds(90);

  @TempDir
  static Path work;
  static Platform platform;
  static Browser browser;
  static WorkTree repo;
  static final String APP = unique("console");
  static final String OTHER_APP = unique("other");
  static final String OWNER = unique("owner") + "@example.com";
  static final String STRANGER = unique("stranger") + "@example.com";

  @RegisterExtension
  static final BrowserFailures FAILURES = new BrowserFailures(() -> browser);

  @BeforeAll
  static void startPlatformAndBrowser() throws Exception {
    platform = new Platform(work);
    platform.start();
    String admin = token(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
    for (String email : List.of(OWNER, STRANGER)) {
      HttpResponse<String> created = platform.api("POST", "/users", admin,
          new JsonObject().put("email", email).put("password", PASSWORD).encode());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    // The owner's git pushes go through the CLI's credential helper, as a user's would.
    Result login = platform.paas(platform.userHome, PASSWORD + "\n", "login", "--api-url", platform.apiUrl(),
        "--email", OWNER, "--password-stdin");
    assertThat(login.exit()).as(login.all()).isZero();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1");
    browser = new Browser(platform.apiUrl());
  }

  @AfterAll
  static void stopPlatformAndBrowser() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (platform != null) {
        platform.closeWithApps(List.of(APP, OTHER_APP));
      }
    }
  }

  @Test
  @Order(1)
  void logInAndCreateAnApp() throws Exception {
    browser.open("/apps");
    browser.waitForRoute("/login");
    browser.waitFor(By.id("login-email"));
    browser.screenshot("login");
    logIn(OWNER);
    browser.waitFor(By.id("apps-table"));
    browser.screenshot("apps-empty");

    browser.type("new-app-name", APP);
    browser.click(By.id("new-app-submit"));

    browser.waitForRoute("/apps/" + APP);
    browser.waitForText(By.id("app-title"), APP);
    browser.waitForText(By.id("current-release"), "none");
    String gitUrl = browser.waitFor(By.id("git-url")).getDomProperty("value");
    assertThat(gitUrl).isEqualTo(platform.apiUrl() + "/git/" + APP + ".git");
    assertThat(platform.git(repo.dir, "remote", "add", "paas", gitUrl).exit()).isZero();
    noConsoleErrors();
  }

  @Test
  @Order(2)
  void aGitPushShowsItsReleaseAndBuildInTheActivityTab() throws Exception {
    tab("activity");
    browser.waitFor(By.id("releases-table"));

    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();

    browser.waitForText(By.cssSelector("#releases-table tr[data-release='1'] .release-version"), "v1");
    browser.waitUntilGone(By.cssSelector("#releases-table tr[data-release='1'] .rollback"));
    browser.waitForText(By.cssSelector("#builds-table tr[data-build] .build-status"), "succeeded");
    browser.click(By.cssSelector("#builds-table tr[data-build] .build-log"));
    browser.waitForText(By.cssSelector("pre#build-output"), "Building " + APP);
    browser.screenshot("activity-build-log");

    tab("overview");
    browser.waitForText(By.id("current-release"), "v1");
    browser.waitForText(By.id("overview-dynos"), "1/1", PLATFORM);
    browser.screenshot("app-overview");
    noConsoleErrors();
  }

  @Test
  @Order(3)
  void theLogsTabStreamsTheRoutersLinesAsRequestsArrive() throws Exception {
    tab("logs");
    browser.waitForText(By.id("log-status"), "streaming");
    String probe = "/" + unique("console-probe");
    for (int i = 0; i < 5; i++) {
      assertThat(platform.get(APP).statusCode()).isEqualTo(200);
    }
    assertThat(platform.get(APP + ".localhost", probe).statusCode()).isEqualTo(404);

    browser.waitForText(By.id("log-lines"), "path=\"" + probe + "\"");
    assertThat(browser.text(By.id("log-lines"))).contains("heroku[router]: at=info method=GET path=\"/\"");
    browser.screenshot("logs-streaming");
    noConsoleErrors();
  }

  @Test
  @Order(4)
  void scalingWebToTwoBringsUpASecondDyno() throws Exception {
    tab("dynos");
    browser.waitForText(By.cssSelector("#dynos-table tr[data-dyno='web.1'] .dyno-state"), "up");
    browser.type("quantity-web", "2");
    browser.click(By.id("scale-web"));

    browser.waitForText(By.cssSelector("#dynos-table tr[data-dyno='web.2'] .dyno-state"), "up", PLATFORM);
    browser.waitForText(By.cssSelector("#dynos-table tr[data-dyno='web.1'] .dyno-state"), "up");
    browser.screenshot("dynos");
    tab("overview");
    browser.waitForText(By.id("overview-dynos"), "2/2");

    browser.click(By.cssSelector("a[href='#/apps']"));
    String row = "#apps-table tr[data-app='" + APP + "'] ";
    browser.waitForText(By.cssSelector(row + ".app-dynos"), "2/2");
    assertThat(browser.text(By.cssSelector(row + ".app-release"))).isEqualTo("v1");
    browser.screenshot("apps-list");
    browser.click(By.cssSelector(row + ".app-name a"));
    browser.waitForText(By.id("app-title"), APP);
    noConsoleErrors();
  }

  @Test
  @Order(5)
  void settingAConfigVarMakesANewRelease() throws Exception {
    tab("config");
    browser.waitFor(By.id("config-table"));
    browser.type("config-key", "GREETING");
    browser.type("config-value", "hello from the console");
    browser.click(By.id("config-save"));

    By value = By.cssSelector("#config-table tr[data-key='GREETING'] .config-value");
    browser.waitForText(value, "••••••");
    assertThat(browser.text(value)).doesNotContain("hello from the console");
    browser.click(By.id("reveal-config"));
    browser.waitForText(value, "hello from the console");
    browser.screenshot("config-revealed");

    tab("activity");
    browser.waitForText(By.cssSelector("#releases-table tr[data-release='2'] .release-description"), "GREETING");
    noConsoleErrors();
  }

  @Test
  @Order(6)
  void rollingBackMakesARollbackRelease() throws Exception {
    tab("activity");
    browser.click(By.cssSelector("#releases-table tr[data-release='1'] .rollback"));
    browser.waitFor(By.id("confirm-dialog"));
    browser.click(By.id("confirm-ok"));

    browser.waitForText(By.cssSelector("#releases-table tr[data-release='3'] .release-description"),
        "Rollback to v1", PLATFORM);
    assertThat(browser.all(By.cssSelector("#releases-table tr[data-release='3'] .rollback")))
        .as("the current release offers no rollback to itself").isEmpty();
    tab("config");
    browser.waitFor(By.id("config-table"));
    browser.waitUntilGone(By.cssSelector("#config-table tr[data-key='GREETING']"));
    noConsoleErrors();
  }

  @Test
  @Order(7)
  void addingPostgresSetsDatabaseUrl() throws Exception {
    tab("addons");
    new Select(browser.waitFor(By.id("addon-plan"))).selectByValue("postgres:mini");
    browser.click(By.id("addon-create"));

    browser.waitForText(By.cssSelector("#addons-table tr[data-addon] .addon-service"), "postgres", PLATFORM);
    browser.screenshot("addons");
    tab("config");
    browser.waitFor(By.cssSelector("#config-table tr[data-key='DATABASE_URL']"), PLATFORM);
    noConsoleErrors();
  }

  @Test
  @Order(8)
  void theMetricsTabChartsTheTraffic() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(platform.get(APP).statusCode()).isEqualTo(200);
    }
    tab("metrics");
    for (String chart : List.of("chart-requests", "chart-status", "chart-latency", "chart-memory")) {
      browser.waitFor(By.cssSelector("#" + chart + " figcaption"));
    }
    browser.waitFor(By.cssSelector("#chart-requests canvas"));
    // The chart's table says what the canvas draws: some minute of the hour counted requests.
    browser.waitUntil("a minute with requests in the requests chart", PLATFORM, b -> (Boolean) b.script(
        "return [...document.querySelectorAll('#chart-requests tbody td')].some(td => parseInt(td.textContent) > 0);"));
    browser.screenshot("metrics");
    noConsoleErrors();
  }

  @Test
  @Order(9)
  void anotherTenantSeesNeitherTheAppInTheListNorItsPage() throws Exception {
    logOut();
    String stranger = token(STRANGER, PASSWORD);
    assertThat(platform.api("POST", "/apps", stranger, new JsonObject().put("name", OTHER_APP).encode())
        .statusCode()).isEqualTo(201);
    logIn(STRANGER);

    browser.waitFor(By.cssSelector("#apps-table tr[data-app='" + OTHER_APP + "']"));
    assertThat(browser.all(By.cssSelector("#apps-table tr[data-app='" + APP + "']"))).isEmpty();

    browser.open("/apps/" + APP);
    browser.waitFor(By.xpath("//*[@role='alert'][contains(., \"Couldn't find that app\")]"));
    assertThat(browser.all(By.id("current-release"))).as("nothing of the app is shown").isEmpty();
    assertThat(browser.newConsoleErrors()).as("only the API's 404 for the app")
        .allMatch(error -> error.contains("/apps/" + APP) && error.contains("404"));
  }

  @Test
  @Order(10)
  void anAdminSeesTheAgentsUsersAndAuditLog() throws Exception {
    logOut();
    logIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
    browser.open("/admin/agents");
    browser.waitForText(By.id("agents-table"), platform.agentName());
    browser.screenshot("admin-agents");
    browser.open("/admin/users");
    browser.waitForText(By.id("users-table"), OWNER);
    browser.screenshot("admin-users");
    browser.open("/admin/audit");
    browser.waitForText(By.id("audit-table"), APP);
    browser.screenshot("admin-audit");
    noConsoleErrors();
  }

  @Test
  @Order(11)
  void onANarrowWindowNothingScrollsSideways() throws Exception {
    logOut();
    logIn(OWNER);
    try {
      browser.resize(400, Browser.HEIGHT);
      browser.waitUntil("a 400 px wide page", Duration.ofSeconds(5),
          b -> ((Number) b.script("return window.innerWidth;")).intValue() <= 400);
      browser.open("/apps");
      browser.waitFor(By.cssSelector("#apps-table tr[data-app='" + APP + "']"));
      browser.screenshot("narrow-apps");
      assertThat(browser.scrollsSideways()).as("the apps list scrolls sideways").isFalse();
      browser.open("/apps/" + APP);
      browser.waitForText(By.id("current-release"), "v4");
      browser.screenshot("narrow-app");
      assertThat(browser.scrollsSideways()).as("the app page scrolls sideways").isFalse();
    } finally {
      browser.resize(Browser.WIDTH, Browser.HEIGHT);
    }
    noConsoleErrors();
  }

  @Test
  @Order(12)
  void deletingTheAppAsksForItsNameAndTakesItOffTheList() throws Exception {
    browser.open("/apps/" + APP + "/settings");
    browser.click(By.id("delete-app"));
    browser.waitFor(By.id("confirm-dialog"));
    WebElement ok = browser.waitFor(By.id("confirm-ok"));
    assertThat(ok.isEnabled()).as("confirm before the name is typed").isFalse();
    browser.type("confirm-name", APP);
    browser.click(By.id("confirm-ok"));

    browser.waitForRoute("/apps");
    browser.waitFor(By.id("apps-table"));
    browser.waitUntilGone(By.cssSelector("#apps-table tr[data-app='" + APP + "']"));
    assertThat(platform.api("GET", "/apps/" + APP, token(OWNER, PASSWORD), null).statusCode()).isEqualTo(404);
    noConsoleErrors();
  }

  private static void logIn(String email) {
    logIn(email, PASSWORD);
  }

  private static void logIn(String email, String password) {
    browser.open("/login");
    browser.type("login-email", email);
    browser.type("login-password", password);
    browser.click(By.id("login-submit"));
    browser.waitForRoute("/apps");
    browser.waitForText(By.id("account-email"), email);
  }

  private static void logOut() {
    browser.click(By.id("logout"));
    browser.waitForRoute("/login");
    browser.waitFor(By.id("login-email"));
  }

  /** Opens one of the app's tabs by its link, as a user would. */
  private static void tab(String name) {
    browser.click(By.cssSelector("a[data-tab='" + name + "']"));
    browser.waitForRoute(name.equals("overview") ? "/apps/" + APP : "/apps/" + APP + "/" + name);
  }

  private static void noConsoleErrors() {
    assertThat(browser.newConsoleErrors()).as("errors in the browser's console").isEmpty();
  }

  /** A name no other run on this Docker engine uses. */
  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String token(String email, String password) throws Exception {
    HttpResponse<String> login = platform.api("POST", "/auth/login", null,
        new JsonObject().put("email", email).put("password", password).encode());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return new JsonObject(login.body()).getString("token");
  }
}

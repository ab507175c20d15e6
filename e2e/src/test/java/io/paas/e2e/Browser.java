package io.paas.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver, both named by path: Selenium Manager never runs,
 * so nothing is looked up or downloaded (the failsafe run sets {@code SE_MANAGER_PATH=/bin/false}, so it would fail
 * loudly if it did). Each browser has a profile of its own, deleted on close. It keeps what the page logged to the
 * console, to check that the console ran without a script error.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Platform.HOME.resolve("e2e/target/screenshots");
  static final int WIDTH = 1280;
  static final int HEIGHT = 900;
  /** Long enough for a page to load and a request or two; steps that wait on the platform pass their own. */
  static final Duration WAIT = Duration.ofSeconds(15);

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final List<LogEntry> consoleLog = new ArrayList<>();
  /** How much of {@link #consoleLog} {@link #newConsoleErrors} has looked at already. */
  private int checked;

  Browser(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("paas-chromium-");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingPort(Platform.freePort())
        .withLogFile(Files.createDirectories(Platform.HOME.resolve("e2e/target/e2e-logs"))
            .resolve("chromedriver-" + profile.getFileName() + ".log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    // Nothing but the page under test: no GPU, sandbox (we may be root), sync, updates or background fetches.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--user-data-dir=" + profile,
        "--window-size=" + WIDTH + "," + HEIGHT);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriver started;
    try {
      started = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteProfile();
      throw e;
    }
    driver = started;
  }

  /** Opens a console route, such as {@code /apps} or {@code /apps/NAME/logs}. */
  Browser open(String route) {
    driver.get(baseUrl + "/#" + route);
    return this;
  }

  /** The route the console shows now, without its {@code #}. */
  String route() {
    String url = driver.getCurrentUrl();
    int hash = url.indexOf('#');
    return hash < 0 ? "" : url.substring(hash + 1);
  }

  WebElement waitFor(By what) {
    return waitFor(what, WAIT);
  }

  WebElement waitFor(By what, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(what));
  }

  /** Waits until the element's text contains {@code text}. */
  void waitForText(By what, String text) {
    waitForText(what, text, WAIT);
  }

  void waitForText(By what, String text, Duration timeout) {
    new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
  }

  /** Waits until nothing matches {@code what} any more. */
  void waitUntilGone(By what) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.numberOfElementsToBe(what, 0));
  }

  /** Waits until the route is {@code route}. */
  void waitForRoute(String route) {
    new WebDriverWait(driver, WAIT).until(d -> route().equals(route));
  }

  /** Waits until {@code check} holds, for what only the page's state can say (a count of rows, say). */
  void waitUntil(String what, Duration timeout, Predicate<Browser> check) {
    new WebDriverWait(driver, timeout).withMessage(what).until(d -> check.test(this));
  }

  /** Clears the input with that id and types {@code text} into it. */
  void type(String id, String text) {
    WebElement input = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks the element once it is visible and enabled. */
  void click(By what) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(what)).click();
  }

  String text(By what) {
    return waitFor(what).getText();
  }

  List<WebElement> all(By what) {
    return driver.findElements(what);
  }

  Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  /** The window's outer size; the console's narrow layout is checked at 400 px. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Whether the page is wider than the window, so a reader would scroll sideways. */
  boolean scrollsSideways() {
    return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
  }

  /** Saves a PNG of the viewport as {@code e2e/target/screenshots/NAME.png}. */
  Path screenshot(String name) throws IOException {
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** What a failed test leaves to look at: the screenshot, the page's HTML and its console log. */
  void saveFailure(String name) throws IOException {
    screenshot("FAILED-" + name);
    Files.writeString(SCREENSHOTS.resolve("FAILED-" + name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    Files.write(SCREENSHOTS.resolve("FAILED-" + name + ".console.txt"),
        consoleLog().stream().map(LogEntry::toString).toList(), StandardCharsets.UTF_8);
  }

  /** Everything the pages logged to the console so far. */
  List<LogEntry> consoleLog() {
    consoleLog.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    return List.copyOf(consoleLog);
  }

  /** The console's errors since the last call: uncaught exceptions, failed requests, CSP violations. */
  List<String> newConsoleErrors() {
    List<LogEntry> all = consoleLog();
    List<LogEntry> fresh = all.subList(checked, all.size());
    checked = all.size();
    return fresh.stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  private void deleteProfile() throws IOException {
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}

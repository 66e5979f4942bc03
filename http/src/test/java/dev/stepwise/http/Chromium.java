package dev.stepwise.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its chromedriver, found at the Debian paths (or where {@code
 * STEPWISE_CHROMIUM} and {@code STEPWISE_CHROMEDRIVER} say). Without them the tests are skipped,
 * unless {@code stepwise.requireChromium} is set (CI sets it), which makes them fail instead.
 */
final class Chromium implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path userData;

  private Chromium(ChromeDriver driver, Path userData) {
    this.driver = driver;
    this.userData = userData;
  }

  static Chromium start() {
    Path browser = find("STEPWISE_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    Path chromedriver = find("STEPWISE_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (browser == null || chromedriver == null) {
      String why =
          "no Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)";
      if (Boolean.getBoolean("stepwise.requireChromium")) {
        Assertions.fail(why + ", and stepwise.requireChromium is set");
      }
      Assumptions.abort(why);
    }
    try {
      Path userData = Files.createTempDirectory("stepwise-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(browser.toFile());
      // Without the background-networking flags Chromium keeps dialling out, which a closed
      // network refuses; root needs --no-sandbox.
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run",
          "--window-size=1280,1100",
          "--user-data-dir=" + userData);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(chromedriver.toFile())
              .usingAnyFreePort()
              .build();
      return new Chromium(new ChromeDriver(service, options), userData);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find(String variable, String... defaults) {
    String configured = System.getenv(variable);
    return Stream.concat(Stream.ofNullable(configured), Stream.of(defaults))
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits, up to a bound, until {@code condition} gives something other than null or false. */
  <T> T until(Function<WebDriver, T> condition) {
    try {
      // The page redraws a section when the run changes: an element found a moment ago may be
      // gone, so a stale one counts as not there yet.
      return new WebDriverWait(driver, WAIT)
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      // Say what the page showed and logged: a bare timeout does not tell why.
      throw new AssertionError(
          "the page did not get there; it shows:\n"
              + driver.findElement(By.tagName("body")).getText()
              + "\nand its console says:\n"
              + String.join("\n", console()),
          e);
    }
  }

  private List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /** The element's text once it shows {@code expected}. */
  String textOf(By by, String expected) {
    return until(
        d -> {
          List<WebElement> found = d.findElements(by);
          return found.isEmpty() || !found.get(0).getText().contains(expected)
              ? null
              : found.get(0).getText();
        });
  }

  WebElement find(By by) {
    return until(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Clicks the element once it is shown, finding it again if the page redrew it meanwhile. */
  void click(By by) {
    until(
        d -> {
          find(by).click();
          return true;
        });
  }

  /** Types into the field once it is shown, after clearing it. */
  void type(By by, String text) {
    until(
        d -> {
          WebElement field = find(by);
          field.clear();
          field.sendKeys(text);
          return true;
        });
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Leaves the page (so its scripts stop following a server that is about to close) and drops what
   * the console logged, so that the next test reads only its own errors.
   */
  void leave() {
    driver.get("about:blank");
    console();
  }

  /** Saves the page as {@code name}.png under target/screenshots; returns where. */
  Path screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("stepwise.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails on any error the page's scripts logged (a refused request the test made is allowed). */
  void assertNoScriptErrors(String... allowed) {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> Stream.of(allowed).noneMatch(m::contains))
            .toList();
    assertThat(errors).as("errors in the browser's console").isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(userData)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }
}

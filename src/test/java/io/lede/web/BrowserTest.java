package io.lede.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import io.lede.Lede;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.RebuildListener;
import io.lede.index.Rebuilder;
import io.lede.index.Retention;
import io.lede.index.ValidationPolicy;
import io.lede.server.LedeServer;
import io.lede.server.ServerConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's journey in a real headless Chromium against the real server on the seeds.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}. Without them the test is skipped
 * locally with a printed reason; with {@code CI=true} it is mandatory and fails instead.
 */
class BrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path tmp;

  static Lede lede;
  static Javalin app;
  static WebDriver driver;
  static String base;
  static String skipReason;

  @BeforeAll
  static void start() throws IOException {
    skipReason = missingBrowser();
    if (skipReason != null) return;
    Path seeds = seedsWithHostileItem(tmp.resolve("seeds"));
    Path home = tmp.resolve("index");
    // The hostile file is meant to report problems (its javascript: URLs), which the default
    // validation would count against the build: publish it anyway.
    Rebuilder.Options force = new Rebuilder.Options(ValidationPolicy.DEFAULTS, Retention.DEFAULT_KEEP, true);
    Rebuilder.Result built = new Rebuilder(new IndexBuilder()).rebuild(seeds, new IndexHome(home), force, RebuildListener.NONE);
    assertTrue(built.published(), "the seeds index was published");
    lede = Lede.open(home);
    app = LedeServer.create(lede, ServerConfig.defaults().withPort(0).withWebDir(Path.of("web"))).start();
    base = "http://127.0.0.1:" + app.port() + "/";
    awaitIndexServed();
    driver = chromium(tmp.resolve("chromium-profile"));
  }

  @BeforeEach
  void browserPresent() {
    Assumptions.assumeTrue(skipReason == null, () -> "BrowserTest skipped: " + skipReason);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) driver.quit();
    if (app != null) app.stop();
    if (lede != null) lede.close();
  }

  /** The server reads the index in the background; wait until health counts its documents. */
  private static void awaitIndexServed() {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "api/health")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (body.matches("(?s).*\"documents\"\\s*:\\s*[1-9].*")) return;
        Thread.sleep(50);
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    fail("the server never reported the seeds index as served");
  }

  /** Why the browser test cannot run here, or null; on CI a missing browser is a failure instead. */
  private static String missingBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return null;
    String reason = "no " + CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) fail("BrowserTest is mandatory on CI: " + reason);
    // Surefire sends System.out to a report file; the console's stderr is where a person will see it.
    new PrintStream(new FileOutputStream(FileDescriptor.err), true).println("BrowserTest skipped: " + reason);
    return reason;
  }

  /** A copy of the repo's seeds plus one item whose title is markup and whose link is javascript:. */
  private static Path seedsWithHostileItem(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    Files.writeString(dir.resolve("999_hostile.txt"), """
        ---
        category: news
        title: "<img src=x onerror=alert(1)>"
        excerpt: "A quokkafixture story whose title is markup and whose link is a script."
        publishedDateTime: 2020-01-08T10:00:00Z
        sourceUrl: "javascript:alert(1)"
        webUrl: "javascript:alert(2)"
        type: article
        quality: 50
        heat: -1
        published: true
        provider:
          name: Fixture News
          domain: fixture.example
        topics:
          - AI
        images:
          - url: "javascript:alert(3)"
            width: 10
            height: 10
        ---
        """);
    return dir;
  }

  private static WebDriver chromium(Path profile) {
    // Explicit driver and browser paths: Selenium Manager must not try to download anything.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
    // Leave any alert open so the test can see it, instead of the driver dismissing it silently.
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return chrome;
  }

  /* ---------------- the journey ---------------- */

  @Test
  void searchFacetSortReloadAndBack() throws IOException {
    desktop();
    driver.get(base);
    awaitResults();
    assertEquals("Newest stories", text(By.id("results-heading")));
    assertEquals("newest", new Select(driver.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"));

    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("facial recognition", Keys.ENTER);
    awaitUrl("q=facial+recognition");
    awaitResults();
    List<String> titles = hitTitles();
    assertTrue(titles.size() >= 2, "ranked results for facial recognition: " + titles);
    assertFalse(driver.findElements(By.cssSelector(".hit mark")).isEmpty(), "highlight marks in the hits");
    assertEquals(List.of(), js("return [...document.querySelectorAll('.hit-link *, .snippet *')]"
        + ".map(e => e.localName).filter(n => n !== 'mark')"), "highlights keep only <mark> elements");
    int total = shownTotal();
    screenshot("desktop-search.png", 2400);

    // Tick the provider with the fewest stories: results and counts must narrow.
    WebElement provider = smallestFacetValue("provider");
    String providerName = provider.getAttribute("value");
    int providerCount = facetCount(provider);
    assertTrue(providerCount < total, "a provider narrower than the whole result set");
    provider.click();
    awaitUrl("provider=");
    awaitResults();
    assertEquals(providerCount, shownTotal(), "the total equals the ticked facet's count");
    assertNotEquals(titles, hitTitles());
    for (WebElement name : driver.findElements(By.cssSelector(".hit .provider"))) {
      assertEquals(providerName, name.getAttribute("textContent"), "every hit is from the ticked provider");
    }
    assertTrue(driver.findElement(By.cssSelector("#facets input[data-facet=provider]:checked")).isSelected());
    assertEquals(1, driver.findElements(By.cssSelector("#chips .chip")).size(), "one removable chip");

    // Remove it again via the chip, then sort by newest and, if there is one, open page 2.
    driver.findElement(By.cssSelector("#chips .chip")).click();
    awaitResults();
    assertEquals(total, shownTotal());
    new Select(driver.findElement(By.id("sort"))).selectByValue("newest");
    awaitUrl("sort=newest");
    awaitResults();
    assertNewestFirst();
    List<WebElement> next = driver.findElements(By.cssSelector("#pager a.next"));
    if (!next.isEmpty()) {
      next.get(0).click();
      awaitUrl("page=2");
      awaitResults();
      assertEquals("2", text(By.cssSelector("#pager [aria-current=page]")));
    }

    // The URL alone restores the view.
    String url = driver.getCurrentUrl();
    List<String> view = hitTitles();
    driver.navigate().refresh();
    awaitResults();
    assertEquals(url, driver.getCurrentUrl());
    assertEquals(view, hitTitles());
    assertEquals("facial recognition", driver.findElement(By.id("q")).getAttribute("value"));
    assertEquals("newest", new Select(driver.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"));

    // Back returns to the previous view.
    driver.navigate().back();
    awaitResults();
    assertNotEquals(url, driver.getCurrentUrl());
  }

  @Test
  void theFrontPageSaysHowItIsOrdered() {
    desktop();
    driver.get(base + "?sort=oldest");
    awaitResults();
    assertEquals("Oldest stories", text(By.id("results-heading")));
    assertTrue(text(By.id("status")).contains("oldest first"), text(By.id("status")));
    List<String> times = driver.findElements(By.cssSelector(".hit time")).stream().map(e -> e.getAttribute("datetime")).toList();
    assertTrue(times.size() > 1, "dated hits shown: " + times);
    for (int i = 1; i < times.size(); i++) assertTrue(times.get(i - 1).compareTo(times.get(i)) <= 0, "oldest first: " + times);
    driver.get(base + "?sort=quality");
    awaitResults();
    assertEquals("Stories by quality", text(By.id("results-heading")));
    assertFalse(text(By.id("status")).contains("newest first"), "not called newest first: " + text(By.id("status")));
  }

  @Test
  void loosenedWordsAreSaidInTheStatusLine() {
    desktop();
    driver.get(base + "?q=recognition");
    awaitResults();
    assertFalse(text(By.id("status")).contains("all the words"), text(By.id("status")));
    // No story has the second word: the stories shown have only the first, and the reader is told.
    driver.get(base + "?q=recognition+quokkaqqzz");
    awaitResults();
    assertTrue(shownTotal() > 0);
    assertTrue(text(By.id("status")).contains("No story has all the words: these have some of them."), text(By.id("status")));
    driver.get(base + "?q=facial+recognition+quokkaqqzz");
    awaitResults();
    assertTrue(text(By.id("status")).contains("No story has all the words: these have most of them."), text(By.id("status")));
  }

  @Test
  void hostileItemShowsAsTextAndRunsNothing() throws IOException {
    desktop();
    driver.get(base + "?q=quokkafixture");
    awaitResults();
    assertNoAlert();
    List<String> titles = hitTitles();
    assertTrue(titles.contains(XSS_TITLE), "the markup title shows literally: " + titles);
    assertTrue(driver.findElements(By.cssSelector(".hit img[src='x'], .hit-title img")).isEmpty(), "no injected image");
    assertSafeLinks();
    screenshot("desktop-hostile.png", 900);

    // And in the newest-first front page where it also appears.
    driver.get(base);
    awaitResults();
    assertNoAlert();
    assertSafeLinks();
  }

  @Test
  void autocompleteIsKeyboardNavigable() {
    desktop();
    driver.get(base);
    awaitResults();
    WebElement box = driver.findElement(By.id("q"));
    box.click();
    box.sendKeys("fac");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(d -> "true".equals(box.getAttribute("aria-expanded")));
    List<WebElement> options = driver.findElements(By.cssSelector("#suggestions [role=option]"));
    assertFalse(options.isEmpty(), "suggestions for 'fac'");
    box.sendKeys(Keys.ARROW_DOWN);
    assertEquals(options.get(0).getAttribute("id"), box.getAttribute("aria-activedescendant"));
    assertEquals("true", options.get(0).getAttribute("aria-selected"));
    String chosen = options.get(0).getText();
    box.sendKeys(Keys.ENTER);
    awaitUrl("q=");
    awaitResults();
    assertEquals(chosen, box.getAttribute("value"));
    assertEquals("false", box.getAttribute("aria-expanded"));
  }

  @Test
  void phoneLayoutStacksFiltersAboveResults() throws IOException {
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      driver.get(base + "?q=facial+recognition");
      awaitResults();
      WebElement toggle = driver.findElement(By.id("filters-toggle"));
      assertTrue(toggle.isDisplayed(), "a Filters button on phones");
      assertFalse(driver.findElement(By.id("filters-panel")).isDisplayed(), "filters folded away at first");
      assertTrue(toggle.getLocation().getY() < driver.findElement(By.id("hits")).getLocation().getY());
      long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth");
      assertTrue(overflow <= 0, "no sideways scrolling on a phone, overflow " + overflow);
      screenshot("phone-search.png", 844);
      toggle.click();
      assertEquals("true", toggle.getAttribute("aria-expanded"));
      assertTrue(driver.findElement(By.id("filters-panel")).isDisplayed());
      screenshot("phone-filters.png", 1600);
    } finally {
      desktop();
    }
  }

  @Test
  void apiErrorsShowAsAMessage() {
    desktop();
    // Shaped like a date, so the UI passes it on; the server must refuse it with a JSON error.
    driver.get(base + "?q=facial&from=2020-13-45");
    awaitResults();
    WebElement error = driver.findElement(By.id("error"));
    assertTrue(error.isDisplayed(), "an error message, not a blank page");
    assertTrue(error.getText().contains("400"), error.getText());
    assertTrue(driver.findElements(By.cssSelector(".hit")).isEmpty());
  }

  /* ---------------- helpers ---------------- */

  private static void desktop() {
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  private static void awaitResults() {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
        "false".equals(d.findElement(By.id("results")).getAttribute("aria-busy"))
            && !d.findElement(By.id("status")).getText().isBlank());
  }

  private static void awaitUrl(String part) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
  }

  private static List<String> hitTitles() {
    return driver.findElements(By.cssSelector(".hit-title")).stream().map(e -> e.getAttribute("textContent")).toList();
  }

  private static String text(By by) {
    return driver.findElement(by).getText().strip();
  }

  /** The total in the status line, e.g. "12 stories for …". */
  private static int shownTotal() {
    String status = text(By.id("status"));
    return Integer.parseInt(status.replaceAll("^([\\d,.]+).*$", "$1").replaceAll("\\D", ""));
  }

  private static WebElement smallestFacetValue(String facet) {
    return driver.findElements(By.cssSelector("#facets input[data-facet=" + facet + "]")).stream()
        .filter(e -> facetCount(e) > 0)
        .min((a, b) -> Integer.compare(facetCount(a), facetCount(b)))
        .orElseThrow(() -> new AssertionError("no " + facet + " facet values"));
  }

  private static int facetCount(WebElement checkbox) {
    String count = (String) js("return arguments[0].closest('li').querySelector('.facet-count').textContent", checkbox);
    return Integer.parseInt(count.replaceAll("\\D", ""));
  }

  private static void assertNewestFirst() {
    List<String> times = driver.findElements(By.cssSelector(".hit time")).stream()
        .map(e -> e.getAttribute("datetime")).toList();
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i - 1).compareTo(times.get(i)) >= 0, "newest first: " + times);
    }
  }

  private static void assertNoAlert() {
    try {
      String message = driver.switchTo().alert().getText();
      fail("an alert fired: " + message);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private static void assertSafeLinks() {
    for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
      String href = a.getAttribute("href");
      assertTrue(href.startsWith("http://") || href.startsWith("https://"), "only http(s) links: " + href);
      boolean external = !href.startsWith(base);
      if (external) assertEquals("noopener noreferrer", a.getAttribute("rel"), "rel on " + href);
    }
    for (WebElement img : driver.findElements(By.cssSelector("img"))) {
      String src = img.getAttribute("src");
      assertTrue(src.startsWith("http://") || src.startsWith("https://"), "only http(s) images: " + src);
    }
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves the page, grown up to {@code maxHeight} pixels tall, under target/screenshots. */
  private static void screenshot(String name, int maxHeight) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Dimension size = driver.manage().window().getSize();
    long page = (Long) js("return document.documentElement.scrollHeight");
    int chrome = size.getHeight() - ((Long) js("return window.innerHeight")).intValue();
    int height = (int) Math.min(Math.max(page, size.getHeight() - chrome), maxHeight) + chrome;
    driver.manage().window().setSize(new Dimension(size.getWidth(), height));
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(size);
  }
}

package dev.capstan.agent.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (both from {@code tools/chromium.sh}),
 * with no network of its own and a fresh profile each time. Selenium Manager is never asked for a
 * driver: the binaries are named here. Screenshots go to {@code target/screenshots}, and also to
 * {@code docs/images} when run with {@code -Ddashboard.screenshots.update=true}.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = System.getenv().getOrDefault("CAPSTAN_CHROMIUM", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getenv().getOrDefault("CAPSTAN_CHROMEDRIVER", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  Browser() {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): run tools/chromium.sh, or set CAPSTAN_CHROMIUM and CAPSTAN_CHROMEDRIVER");
    }
    try {
      profile = Files.createTempDirectory("capstan-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
  }

  void open(URI uri) {
    driver.get(uri.toString());
  }

  WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
  }

  /** Saves a screenshot of the whole page (up to 2,400 pixels high) as {@code name}.png. */
  void screenshot(String name) {
    Object height = driver.executeScript("return document.documentElement.scrollHeight");
    int pageHeight = height instanceof Number n ? Math.min(2400, Math.max(1000, n.intValue())) : 1000;
    driver.manage().window().setSize(new Dimension(1400, pageHeight));
    File shot = driver.getScreenshotAs(OutputType.FILE);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    try {
      Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      if (Boolean.getBoolean("dashboard.screenshots.update")) {
        Path docs = Files.createDirectories(Path.of("..", "docs", "images"));
        Files.copy(shot.toPath(), docs.resolve("dashboard-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}

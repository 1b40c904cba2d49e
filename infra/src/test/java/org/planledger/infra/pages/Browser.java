package org.planledger.infra.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Nothing is downloaded: both
 * must be installed ({@code .ci/run} installs them), and a missing one fails the tests with the
 * command that installs it, rather than skipping them.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final String base;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path downloads, Path profile) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
        this.profile = profile;
    }

    static void requireInstalled() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("The browser tests drive Debian's Chromium and need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them (as root) with: apt-get update && apt-get install -y chromium chromium-driver");
        }
    }

    static Browser start(String base) throws IOException {
        requireInstalled();
        Path profile = Files.createTempDirectory("plan-ledger-chromium-");
        Path downloads = Files.createTempDirectory("plan-ledger-downloads-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=en-GB", "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "en-GB"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, base, downloads, profile);
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String user) {
        driver.manage().window().setSize(DESKTOP);
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(text()).contains("Signed in as " + user);
    }

    void signOut() {
        driver.findElement(By.cssSelector(".who button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void type(String css, String value) {
        WebElement field = one(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Date inputs take typing in the browser's locale; setting the value is locale-proof. */
    void setValue(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", one(css), value);
    }

    void submit(String formCss) {
        WebElement button = one(formCss + " button[type=submit]");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The whole page at the given width, saved as target/screenshots/NAME.png. */
    Path screenshot(String name, Dimension size) throws IOException {
        driver.manage().window().setSize(size);
        long height = ((Number) driver.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);")).longValue();
        driver.manage().window().setSize(new Dimension(size.width, (int) Math.min(Math.max(height + 100, size.height), 7000)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, png);
        driver.manage().window().setSize(size);
        return file;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
        deleteQuietly(downloads);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}

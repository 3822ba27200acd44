package org.interdict.console;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through its chromedriver (nothing downloaded), headless, with a profile of its own that is
 * thrown away afterwards. One per test class ({@link #forEachClass}, registered as an extension): starting it takes
 * seconds.
 */
final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String language;
    ChromeDriver driver;
    private Path profile;

    private Browser(String language) {
        this.language = language;
    }

    /** A browser whose preferred language is {@code language} ("vi", "en"), started now. */
    static Browser start(String language) throws IOException {
        Browser browser = new Browser(language);
        browser.launch();
        return browser;
    }

    /** A browser started before the tests of the class that registers it, and closed after them. */
    static Browser forEachClass(String language) {
        return new Browser(language);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        launch();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    private void launch() throws IOException {
        profile = Files.createTempDirectory("interdict-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A page a click leads to may still be loading when the test looks for what it shows.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    }

    /**
     * Signs in through Keycloak's own login form, starting from {@code page}, as nobody else: the cookies of the
     * service and of Keycloak are cleared first, so an earlier session (even one a failed test left) does not stand in.
     */
    void signIn(String page, String user, String password) {
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.get(page);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /**
     * Clicks the button or link {@code id} (or {@code what}) and waits until the page it leads to has replaced this one, so that what
     * the test reads next (a confirmation with the same id as the page before's, say) is the new page's.
     */
    void press(String id) {
        press(By.id(id));
    }

    void press(By what) {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(what).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(replaced -> isGone(page));
    }

    /**
     * Whether {@code element} left the document. Chromium says so with a stale reference once the next page is in,
     * and, while the old document is being torn down, with an inspector error that its node is not in the document.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Scrolls element {@code id} to the top of the window, for a screenshot of what lies below the fold. */
    void scrollTo(String id) {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    WebDriver.Navigation navigate() {
        return driver.navigate();
    }

    /** Serious and critical accessibility violations of the page as axe-core finds them. */
    List<String> accessibilityProblems() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

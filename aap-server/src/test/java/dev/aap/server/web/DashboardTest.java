package dev.aap.server.web;

import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The dashboard in a real headless Chromium against a real server: live list, run page, diff, cancel, login. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path tmp;
    Server server;
    Http admin;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), "the dashboard test needs"
                + " Debian's Chromium: apt-get install -y --no-install-recommends chromium chromium-driver");
        server = TestServers.start(tmp.resolve("home"), TestServers.NO_PIPELINE);
        admin = new Http(server.url(), server.adminToken().orElseThrow());
        Path repo = TestServers.repo(tmp.resolve("repo"));
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\",\"max_concurrent_runs\":4}")
                .status()).isEqualTo(201);
        // Selenium must use the installed driver and browser and fetch nothing
        System.setProperty("SE_OFFLINE", "true");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
        // the console log shows whether the CSP blocked anything
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubmittedTaskAppearsOnTheListAndTurnsSucceededWithoutAReload() {
        openList();
        markPage();
        String runId = submit("{\"steps\":3,\"step_millis\":1000}", "list test");
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#run-" + runId + " .status")));
        assertThat(status.getText()).isIn("QUEUED", "RUNNING");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#run-" + runId + " .status"), "SUCCEEDED"));
        assertThat(browser.findElement(By.cssSelector("#run-" + runId + " .message")).getText()).isEqualTo("3 steps");
        assertThat(pageWasNotReloaded()).isTrue();
        screenshot("dashboard-list.png");
    }

    @Test
    void theRunPageFollowsARunToItsEndAndShowsTimelineDiffAndPullRequestText() {
        openList();
        String runId = submit("{\"steps\":3,\"step_millis\":1500}", "run page test");
        browser.findElement(By.cssSelector("#task-result a")).click();
        wait.until(ExpectedConditions.urlToBe(server.url() + "/runs/" + runId));
        markPage();
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "RUNNING"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".timeline .step-running")));
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "SUCCEEDED"));
        assertThat(pageWasNotReloaded()).isTrue();

        List<WebElement> steps = browser.findElements(By.cssSelector(".timeline .step"));
        assertThat(steps).extracting(s -> s.findElement(By.className("name")).getText())
                .containsExactly("step1", "step2", "step3");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.findElement(By.className("state")).getText()).isEqualTo("done");
            // each step sleeps 1.5 s: the page shows at least that, in seconds with one decimal
            String duration = s.findElement(By.className("duration")).getText();
            assertThat(duration).matches("\\d+\\.\\d s");
            assertThat(Double.parseDouble(duration.replace(" s", ""))).isGreaterThanOrEqualTo(1.5);
        });
        assertThat(browser.findElements(By.cssSelector("#events li[data-type=step_finished]"))).hasSize(3);
        assertThat(browser.findElement(By.id("stream-state")).getText()).isEqualTo("run ended");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre.diff")));
        List<WebElement> added = browser.findElements(By.cssSelector("pre.diff .line.add"));
        List<WebElement> removed = browser.findElements(By.cssSelector("pre.diff .line.del"));
        assertThat(added).extracting(WebElement::getText)
                .containsExactly("+test, 3 steps", "+done by the steps executor");
        assertThat(removed).extracting(WebElement::getText).containsExactly("-test");
        assertThat(added.get(0).getCssValue("background-color")).isEqualTo("rgba(218, 251, 225, 1)");
        assertThat(removed.get(0).getCssValue("background-color")).isEqualTo("rgba(255, 235, 233, 1)");
        assertThat(browser.findElement(By.cssSelector("pre.diff .line.ctx, pre.diff .line.file"))
                .getCssValue("background-color")).isNotEqualTo(added.get(0).getCssValue("background-color"));
        assertThat(browser.findElement(By.id("pr")).getText()).contains("Ran 3 steps.");
        assertThat(browser.findElements(By.cssSelector("#artifacts a[data-artifact]")))
                .extracting(a -> a.getAttribute("data-artifact")).contains("patch.diff", "pr.md");
        assertThat(browser.findElement(By.id("retry")).isDisplayed()).isTrue();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage).noneMatch(m -> m.contains("Content Security Policy"));
        screenshot("dashboard-run.png");
    }

    @Test
    void theCancelButtonStopsARunningRun() {
        String runId = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"steps\","
                + "\"constraints\":{\"steps\":5,\"step_millis\":20000}}").json().path("run_id").asText();
        ensureLoggedIn();
        browser.get(server.url() + "/runs/" + runId);
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "RUNNING"));
        markPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "CANCELLED"));
        assertThat(pageWasNotReloaded()).isTrue();
        assertThat(admin.get("/api/v1/runs/" + runId).json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".timeline .step .state")).getText()).isEqualTo("stopped");
    }

    @Test
    void withoutAValidTokenThePagesShowNoDataAndAskForOne() {
        ensureLoggedIn();
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElements(By.cssSelector("#runs-body tr"))).isEmpty();
        assertThat(storedToken()).isNull();

        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "unknown or revoked"));
        assertThat(storedToken()).isNull();
        assertThat(browser.getCurrentUrl()).doesNotContain("token");

        login();
        assertThat(storedToken()).isEqualTo(server.adminToken().orElseThrow());
        assertThat(browser.getCurrentUrl()).isEqualTo(server.url() + "/");
        assertThat(browser.manage().getCookies()).isEmpty();
    }

    private String submit(String constraints, String goal) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task-repo option[value=demo]")));
        new Select(browser.findElement(By.id("task-repo"))).selectByValue("demo");
        new Select(browser.findElement(By.id("task-strategy"))).selectByValue("steps");
        browser.findElement(By.id("task-goal")).sendKeys(goal);
        WebElement c = browser.findElement(By.id("task-constraints"));
        c.clear();
        c.sendKeys(constraints);
        browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task-result a")));
        return link.getText();
    }

    private void openList() {
        ensureLoggedIn();
        browser.get(server.url() + "/");
        // the list follows the updates stream from here on
        wait.until(ExpectedConditions.attributeToBe(By.id("live-state"), "data-state", "live"));
    }

    private void ensureLoggedIn() {
        browser.get(server.url() + "/");
        if (storedToken() == null) {
            login();
        }
    }

    private void login() {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        field.clear();
        field.sendKeys(server.adminToken().orElseThrow());
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session")));
    }

    private Object storedToken() {
        return js().executeScript("return sessionStorage.getItem('aap.token')");
    }

    private void markPage() {
        js().executeScript("window.aapNotReloaded = true");
    }

    private boolean pageWasNotReloaded() {
        return Boolean.TRUE.equals(js().executeScript("return window.aapNotReloaded === true"));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** A picture of the page for a person to look at; target/ keeps the latest. */
    private void screenshot(String name) {
        try {
            Path out = Path.of("target", "screenshots");
            Files.createDirectories(out);
            Files.write(out.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            // a missing picture does not make the dashboard wrong
        }
    }
}

package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.sink.Sink;
import io.newsmonitor.sink.SinkRole;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import io.newsmonitor.web.config.WebConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, served by the real server next to a running sink on a real broker: an
 * announcement and the alert the sink raises for it appear without reload, a title holding markup shows as text and
 * runs nothing, and a subscription created through the page is listed and on the subscriptions topic.
 *
 * <p>Debian's {@code chromium} and {@code chromium-driver} must be installed ({@code .ci/run} installs them); nothing
 * is downloaded at run time. {@code -Dbrowser.skip=true} skips this test on a machine without them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = Path.of("target/screenshots/dashboard.png");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOSTILE = "France and Tunisia sign an AI pact <script>window.__xss = 1</script>"
            + "<img src=x onerror=\"window.__xss = 2\">";

    private static String bootstrap;
    private static Topics topics;
    private static SinkRole sink;
    private static WebServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start(KafkaBroker broker, @TempDir Path state) {
        Assumptions.assumeFalse(Boolean.getBoolean("browser.skip"), "browser test skipped: -Dbrowser.skip=true");
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The dashboard's browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): .ci/run installs them (apt-get install chromium chromium-driver); "
                    + "-Dbrowser.skip=true skips this test");
        }
        bootstrap = broker.bootstrapServers();
        String prefix = TestTopics.uniquePrefix("dashboard");
        KafkaConfig kafka = new KafkaConfig(bootstrap, prefix, 2, (short) 1, Map.of());
        topics = kafka.topics();
        KafkaTestClients.createTopics(bootstrap, topics);
        KafkaTestClients.produce(bootstrap, topics.subscriptions(), "fr",
                new Subscription("fr", "France", List.of("FR"), null, null, false, null));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        sink = Sink.start(TestConfigDir.projectConfig(), sinkConfig(prefix, state), kafka, registry, role -> { });
        await().atMost(WAIT).until(() -> sink.health().ready());
        server = WebServer.start(new WebConfig(true, "127.0.0.1", 0, null), kafka, sink.queries(),
                subscription -> List.of(), (subscription, period, limit) -> new SubscriptionPreview.Result(List.of(),
                        0), registry);
        browser = chromium();
    }

    private static SinkConfig sinkConfig(String prefix, Path state) {
        ObjectNode yaml = new ObjectMapper().createObjectNode();
        ObjectNode section = yaml.putObject("sink").put("applicationId", prefix + "-sink")
                .put("stateDir", state.toString());
        section.putObject("http").put("listen", "127.0.0.1:0");
        return SinkConfig.from(Settings.of("test", yaml, SinkConfig.SETTINGS));
    }

    /** Debian's chromium through its chromedriver, both named: Selenium Manager has nothing to look up or fetch. */
    private static WebDriver chromium() {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,2200", "--lang=en");
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void theDashboardShowsLiveAlertsEscapesTheirTextAndCreatesSubscriptions() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "live"));
        assertThat(script("return typeof echarts")).as("ECharts from the WebJar").isEqualTo("object");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClassifiedAnnouncement first = Fixtures.announcement("browser-1", HOSTILE, now);
        ClassifiedAnnouncement copy = Fixtures.announcement("browser-2", "Partenariat franco-tunisien en IA", now)
                .withStoryId(first.id());
        KafkaTestClients.produceClassified(bootstrap, topics, first);
        KafkaTestClients.produceClassified(bootstrap, topics, copy);

        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#feed li.alert")));
        assertThat(alert.findElement(By.cssSelector(".title")).getText()).isEqualTo(HOSTILE);
        assertThat(alert.findElement(By.cssSelector(".kind")).getText()).isEqualToIgnoringCase("alert · fr");
        assertThat(alert.findElement(By.cssSelector(".evidence a")).getAttribute("href"))
                .isEqualTo("https://example.org/browser-1");
        assertThat(alert.findElements(By.cssSelector(".chip.actor"))).extracting(WebElement::getText)
                .containsExactly("FR", "TN");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#feed li.announcement"), 2));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#feed li.alert .story"), "also reported by 1 source"));
        assertThat(browser.findElements(By.cssSelector("#feed img"))).as("no markup from a title").isEmpty();
        assertThat(script("return window.__xss === undefined")).as("no script from a title ran").isEqualTo(true);

        browser.findElement(By.cssSelector("#network-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("network-note"),
                "2 announcements, 2 parties, 1 pairs."));
        browser.findElement(By.cssSelector("#chart-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("chart-note"), ""));

        browser.findElement(By.id("sub-id")).sendKeys("browser-made");
        browser.findElement(By.id("sub-name")).sendKeys("Made in the browser");
        browser.findElement(By.id("sub-actors")).sendKeys("DE, FR");
        browser.findElement(By.id("sub-ai")).click();
        browser.findElement(By.id("save-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#subscription-rows tr[data-id='browser-made']")));
        assertThat(browser.findElement(By.id("form-message")).getText()).isEqualTo("Saved browser-made.");
        assertThat(KafkaTestClients.consume(bootstrap, topics.subscriptions(), 1,
                r -> r.key().equals("browser-made"), WAIT)).singleElement().satisfies(r -> {
                    assertThat(r.value().actors()).containsExactly("DE", "FR");
                    assertThat(r.value().aiCooperation()).isTrue();
                });
        screenshot();
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void screenshot() throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }
}

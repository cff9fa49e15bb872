package io.mediawerk.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.ModelProviders;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.TestStack;
import io.mediawerk.testing.WebhookReceiver;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's headless Chromium against the real stack, as a user goes through it: one browser for the
 * whole class. Each step leaves a screenshot in {@code target/console-screenshots}. The speech analysis is answered by
 * the {@link ModelProviders} written for the tests (the profile they share with {@code ModelProvidersTest}).
 */
@Tag("stack")
@QuarkusTest
@TestProfile(ModelProviders.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final Path SHOTS = Path.of("target/console-screenshots");
    private static final WebhookReceiver receiver = new WebhookReceiver();
    private static ChromeDriver browser;
    private static Api.TestProject project;
    private static String mediaId;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void open() throws IOException {
        browser = Browsers.chromium();
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Console");
            Api.admin()
                    .body(Map.of("playback", Map.of("auto", true)))
                    .patch("/projects/" + project.id())
                    .then()
                    .statusCode(200);
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        receiver.close();
    }

    @Test
    @Order(1)
    void signsInWithAProjectKeyAndUploadsAVideoWithProgress() throws IOException {
        browser.get(base.toString());
        WebElement key = waitFor(By.id("api-key"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/");
        shot("sign-in");
        key.sendKeys(project.key(), Keys.ENTER);
        waitFor(By.id("media-grid"));

        Path video = TestMedia.video(320, 240, 4);
        browser.findElement(By.id("file-picker"))
                .sendKeys(video.toAbsolutePath().toString());
        WebElement row = waitFor(By.cssSelector("#uploads li[data-media]"), Duration.ofSeconds(60));
        assertThat(row.findElement(By.tagName("progress")).getDomProperty("value"))
                .isEqualTo("100");
        mediaId = row.getDomAttribute("data-media");
        // no reload: the grid shows the new media and follows its status
        waitFor(
                By.cssSelector("#media-grid li[data-id='" + mediaId + "'][data-status='ready']"),
                Duration.ofSeconds(60));

        // a file of two chunks whose second one loses its connection once: the console asks the upload URL how much
        // arrived and sends the rest
        browser.executeScript("""
                const send = XMLHttpRequest.prototype.send;
                window.sends = 0;
                XMLHttpRequest.prototype.send = function (body) {
                  if (++window.sends === 2) { this.onerror(); return; }
                  return send.call(this, body);
                };""");
        Path twoChunks = TestMedia.longWav(50);
        assertThat(Files.size(twoChunks)).isBetween(8L << 20, 16L << 20);
        browser.findElement(By.id("file-picker"))
                .sendKeys(twoChunks.toAbsolutePath().toString());
        waitFor(
                By.cssSelector("#uploads li[data-file='" + twoChunks.getFileName() + "'][data-media]"),
                Duration.ofSeconds(60));
        assertThat(((Number) browser.executeScript("return window.sends;")).intValue())
                .as("the first chunk, the dropped second, the second again")
                .isEqualTo(3);
        shot("media");
    }

    @Test
    @Order(2)
    void playsTheVideo() {
        open("media/" + mediaId);
        WebElement player = waitFor(By.id("player"));
        JavascriptExecutor js = browser;
        js.executeScript("arguments[0].muted = true; arguments[0].play();", player);
        until(
                Duration.ofSeconds(30),
                () -> ((Number) js.executeScript("return arguments[0].currentTime;", player)).doubleValue() > 0.5);
        shot("media-detail");
    }

    @Test
    @Order(3)
    void runsAnImageTransformFromTheForm() {
        new Select(waitFor(By.id("transform-kind"))).selectByValue("image");
        new Select(browser.findElement(By.id("option-format"))).selectByValue("webp");
        browser.findElement(By.id("option-width")).sendKeys("64");
        browser.findElement(By.cssSelector("#transform-form button[type=submit]"))
                .click();
        // the list is redrawn every second while a task runs: read the link inside the wait
        String output = new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver
                        .findElements(By.xpath("//ul[@id='tasks']/li[@data-status='completed']"
                                + "[contains(., 'image → image')]/a[text()='Output']"))
                        .stream()
                        .map(link -> link.getDomAttribute("href"))
                        .findFirst()
                        .orElse(null));
        assertThat(output).endsWith(".webp");
        shot("transform");
    }

    @Test
    @Order(4)
    void createsAWebhookShowsItsSecretOnceAndLogsADelivery() {
        open("webhooks");
        waitFor(By.id("webhook-url")).sendKeys(receiver.url("/console", WebhookReceiver.Answer.ok()));
        browser.findElement(By.cssSelector("#webhook-form button[type=submit]")).click();
        String secret = waitFor(By.id("webhook-secret")).getDomProperty("value");
        assertThat(secret).startsWith("whsec_");
        shot("webhooks");

        Api.as(project.key())
                .body(Map.of("title", "Renamed in the console test"))
                .patch("/media/" + mediaId)
                .then()
                .statusCode(200);
        browser.navigate().refresh();
        WebElement deliveries = waitFor(By.cssSelector("#webhooks details summary"));
        assertThat(browser.findElements(By.id("webhook-secret")))
                .as("the secret is shown once")
                .isEmpty();
        deliveries.click();
        By delivered = By.cssSelector(".deliveries li[data-status='succeeded']");
        until(Duration.ofSeconds(30), () -> {
            if (!browser.findElements(delivered).isEmpty()) {
                return true;
            }
            deliveries.click();
            deliveries.click();
            return false;
        });
        assertThat(browser.findElement(delivered).getText()).contains("media.updated");
        shot("webhook-deliveries");
    }

    @Test
    @Order(5)
    void showsWorkflowErrorsAtTheirPathAnalyticsDomainsAndAnalysesAndFitsAPhone() {
        open("workflows");
        WebElement json = waitFor(By.id("workflow-json"));
        String example = json.getDomProperty("value");
        json.clear();
        json.sendKeys("{\"name\": \"Broken\", \"steps\": [{\"kind\": \"teleport\"}]}");
        browser.findElement(By.cssSelector("form.workflow-editor button[type=submit]"))
                .click();
        assertThat(waitFor(By.cssSelector("form.workflow-editor .error code.path"))
                        .getText())
                .isEqualTo("steps[0].kind");
        json.clear();
        json.sendKeys(example);
        browser.findElement(By.cssSelector("form.workflow-editor button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#workflows li[data-status='active']"));
        shot("workflows");

        open("analytics");
        assertThat(waitFor(By.id("analytics-totals")).getText()).contains("2 media");
        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(5);
        shot("analytics");

        open("domains");
        waitFor(By.id("domain-hostname")).sendKeys("media.console.test", Keys.ENTER);
        WebElement domain = waitFor(By.cssSelector("#domains li[data-status='pending']"));
        assertThat(domain.getText()).contains("media.console.test", "TXT");
        shot("domains");

        open("media/" + mediaId);
        new Select(waitFor(By.id("analysis-kind"))).selectByValue("scenes");
        browser.findElement(By.cssSelector("#analysis-form button[type=submit]"))
                .click();
        waitFor(By.cssSelector("#analyses li[data-status='completed']"), Duration.ofSeconds(60));
        browser.navigate().refresh();
        browser.executeScript(
                "arguments[0].scrollIntoView()", waitFor(By.cssSelector(".result[data-kind='scenes'] .timeline img")));
        shot("intelligence");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page :
                    new String[] {"media", "media/" + mediaId, "workflows", "webhooks", "analytics", "domains"}) {
                open(page);
                // what sticks out past the window's right edge, if anything
                String outside = (String) browser.executeScript("""
                        const width = window.innerWidth;
                        if (document.documentElement.scrollWidth <= width) return '';
                        const wide = [...document.querySelectorAll('body *')]
                            .filter((e) => e.getBoundingClientRect().right > width + 1);
                        return wide.map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                            .slice(-5).join(', ');""");
                assertThat(outside).as(page + " fits a phone's width").isEmpty();
                // every control has a name a screen reader can say, and is a native control the keyboard reaches
                String unnamed = (String) browser.executeScript("""
                        return [...document.querySelectorAll('input, select, textarea, button, [onclick]')]
                            .filter((e) => e.type !== 'hidden')
                            .filter((e) => !e.labels?.length && !e.getAttribute('aria-label') && !e.title
                                && !(e.tagName === 'BUTTON' && e.textContent.trim()) || e.tabIndex < 0)
                            .map((e) => e.outerHTML.slice(0, 100)).join(', ');""");
                assertThat(unnamed)
                        .as(page + ": controls without a label or out of the tab order")
                        .isEmpty();
            }
            shot("phone-analytics");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    @Test
    @Order(6)
    void drawsAnalysesWhereTheyBelong() {
        // audio levels of the uploaded video's tone: a level curve over its length
        analyse(mediaId, "audio_levels");
        WebElement peak = waitFor(By.cssSelector(".result[data-kind='audio_levels'] svg.levels path.peak"));
        assertThat(peak.getDomAttribute("d").split("L"))
                .as("two points per tenth of a second")
                .hasSizeGreaterThan(60);
        scrollTo(peak);
        shot("audio-levels");

        // text read in a video's keyframes, boxed over each keyframe
        String textVideo = upload(TestMedia.textVideo(), "video/mp4");
        analyse(textVideo, "text");
        WebElement frames = waitFor(By.cssSelector(".result[data-kind='text'] ol.keyframes"));
        assertThat(frames.findElements(By.cssSelector("li figure svg rect"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(frames.getText()).contains("FIRST SCENE", "SECOND SCENE");
        WebElement keyframe = frames.findElement(By.cssSelector("li img"));
        until(
                Duration.ofSeconds(10),
                () -> frames.findElement(By.cssSelector("li svg")).getDomAttribute("viewBox") != null);
        assertThat(frames.findElement(By.cssSelector("li svg")).getDomAttribute("viewBox"))
                .isEqualTo("0 0 " + keyframe.getDomProperty("naturalWidth") + " "
                        + keyframe.getDomProperty("naturalHeight"));
        scrollTo(frames);
        shot("text-over-keyframes");

        // a transcript from the speech provider, each line's time seeking the player
        String audio = upload(TestMedia.file("mp3"), "audio/mpeg");
        analyse(audio, "speech");
        var lines = waitFor(By.cssSelector(".result[data-kind='speech'] ol.transcript"))
                .findElements(By.tagName("li"));
        assertThat(lines).extracting(WebElement::getText).containsExactly("0.0 s Hello world.", "1.5 s Second line.");
        lines.get(1).findElement(By.cssSelector("button.seek")).click();
        // the 2 s tone, from 1.5 s on
        until(
                Duration.ofSeconds(10),
                () -> ((Number) browser.executeScript("return document.getElementById('player').currentTime;"))
                                .doubleValue()
                        >= 1.4);
        shot("transcript");
    }

    /** Opens the media, runs an analysis of that kind from its form, and reloads once it has completed. */
    private void analyse(String media, String kind) {
        open("media/" + media);
        new Select(browser.findElement(By.id("analysis-kind"))).selectByValue(kind);
        browser.findElement(By.cssSelector("#analysis-form button[type=submit]"))
                .click();
        waitFor(
                By.xpath("//ul[@id='analyses']/li[@data-status='completed'][span[1][text()='" + kind + "']]"),
                Duration.ofSeconds(60));
        browser.navigate().refresh();
    }

    private static String upload(Path file, String type) {
        return Api.uploadedMedia(project, file, type);
    }

    private static void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView()", element);
    }

    @Test
    @Order(7)
    void anOrgKeyCreatesAProjectAndAKey() {
        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("api-key")).sendKeys(TestStack.adminKey(), Keys.ENTER);
        waitFor(By.id("project-name")).sendKeys("Made in the console", Keys.ENTER);
        WebElement made = waitFor(By.xpath("//ul[@id='projects']/li[strong[text()='Made in the console']]"));
        made.findElement(By.cssSelector("button.new-key")).click();
        String key = waitFor(By.cssSelector("input.new-key-value")).getDomProperty("value");
        assertThat(key).startsWith("mwk_");
        shot("projects");
    }

    /** Shows the console's page at {@code #/page} and waits until it is drawn (not the page shown before). */
    private void open(String page) {
        browser.get(base + "console/#/" + page);
        waitFor(By.cssSelector("main[data-page='#/" + page + "']"));
    }

    private static WebElement waitFor(By what) {
        return waitFor(what, Duration.ofSeconds(15));
    }

    private static WebElement waitFor(By what, Duration timeout) {
        return new WebDriverWait(browser, timeout).until(driver -> {
            var found = driver.findElements(what);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static void until(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, timeout).until(driver -> condition.getAsBoolean());
    }

    private static void shot(String page) {
        try {
            Files.write(SHOTS.resolve(page + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Writing the screenshot of " + page + " failed", e);
        }
    }
}

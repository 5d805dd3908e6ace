package io.jenkins.plugins.gitopspromotion.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentReport;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import io.jenkins.plugins.gitopspromotion.deploy.Signal;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The promotion view in real headless Chromium (Debian's chromium and chromium-driver, through Selenium), against
 * {@code gitops-promotion serve} on a generated config repository of 120 apps, with GitHub's API played by
 * WireMock for the pending pull request. Every page is loaded under the server's
 * {@code Content-Security-Policy: default-src 'self'}, and the browser must log no violation of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int APPS = 120;
    private static final String PENDING_APP = SyntheticConfigRepository.appName(3);
    private static final String DEPLOYED_APP = SyntheticConfigRepository.appName(2);
    private static final Pattern NEW_TAG = Pattern.compile("newTag: \"([^\"]+)\"");

    @TempDir
    static Path temp;

    private Repository remote;
    private ProviderTestSupport github;
    private Serving serving;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private final List<String> consoleMessages = new ArrayList<>();

    /** A {@code serve} command running in a thread of this process, and the URL it printed (with its secret). */
    private record Serving(Thread thread, URI url) {
        static Serving start(String... args) throws Exception {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Thread thread = new Thread(() -> GitOpsPromotionCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args),
                    "serve");
            thread.setDaemon(true);
            thread.start();
            Pattern printed = Pattern.compile("is at (http://127\\.0\\.0\\.1:\\d+/\\?token=[\\w-]{43})");
            for (int i = 0; i < 300; i++) {
                Matcher m = printed.matcher(out.toString());
                if (m.find()) {
                    return new Serving(thread, URI.create(m.group(1)));
                }
                if (!thread.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("serve printed no URL: " + out + err);
        }

        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    @BeforeAll
    void start() throws Exception {
        RealParts.require(Files.isExecutable(CHROMIUM), "chromium");
        RealParts.require(Files.isExecutable(CHROMEDRIVER), "chromedriver (Debian package chromium-driver)");
        remote = BareRepos.create(temp.resolve("config.git"));
        SyntheticConfigRepository repo = SyntheticConfigRepository.of(APPS);
        repo.seed(remote);
        repo.history(remote, 40, 7);
        // A promotion branch, as pull-request mode pushes it, with an open pull request on "GitHub".
        String branch = "gitops-promotion/staging/" + PENDING_APP;
        RefUpdate create = remote.updateRef("refs/heads/" + branch);
        create.setNewObjectId(BareRepos.head(remote, "main"));
        create.update();
        BareRepos.commitFile(remote, branch, SyntheticConfigRepository.overlay(PENDING_APP, "staging"),
                SyntheticConfigRepository.overlayFile(PENDING_APP, "staging", "1.0.9"), "Promote " + PENDING_APP + " to staging");
        github = ProviderTestSupport.start();
        github.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).willReturn(okJson("[]")));
        github.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/pulls?state=open&per_page=100&head=acme%3Agitops-promotion"
                + "%2Fstaging%2F" + PENDING_APP + "&base=main"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderTestSupport.TOKEN))
                .willReturn(okJson("[{\"id\": 1296269, \"node_id\": \"PR_kwDOABCD1234\", \"number\": 42, \"state\": \"open\","
                        + " \"html_url\": \"https://github.com/acme/config/pull/42\", \"title\": \"Promote " + PENDING_APP + "\","
                        + " \"head\": {\"ref\": \"" + branch + "\"}, \"base\": {\"ref\": \"main\"}}]")));
        // What two edge clusters reported of app-0002 in prod, kept where serve keeps reports (generic reports name their cell).
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tip = BareRepos.head(remote, "main").name();
        try (DeploymentStore store = DeploymentStore.open(DeploymentStore.folder(temp.resolve("cache").resolve("deployments"),
                RepositoryLocation.parse(temp.resolve("config.git").toString())))) {
            store.add(new DeploymentReport("edge-1-healthy", ReportSource.GENERIC, null, null, null, "prod", DEPLOYED_APP, "edge-1",
                    tip, Signal.HEALTHY, "rolled out, 3 of 3 ready", now.minusSeconds(60).toString(), now.toString(), List.of()));
            store.add(new DeploymentReport("edge-2-degraded", ReportSource.GENERIC, null, null, null, "prod", DEPLOYED_APP, "edge-2",
                    tip, Signal.DEGRADED, "2 of 3 pods crash-looping", now.minusSeconds(30).toString(), now.toString(), List.of()));
        }
        Path token = temp.resolve("token");
        Files.writeString(token, ProviderTestSupport.TOKEN);
        serving = Serving.start("serve", "--repo", temp.resolve("config.git").toString(), "--cache-dir",
                temp.resolve("cache").toString(), "--port", "0", "--boundary", "off", "--provider", "github", "--api-url",
                github.url("").toString(), "--project", "acme/config", "--token-file", token.toString());
        browser = chromium(temp.resolve("profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    static ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                collectConsole();
                browser.quit();
            }
            if (serving != null) {
                serving.stop();
            }
        } finally {
            if (github != null) {
                github.close();
            }
            if (remote != null) {
                remote.close();
            }
        }
    }

    private void open() {
        collectConsole();
        browser.get(serving.url().toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.gp-matrix tbody tr")));
    }

    private void collectConsole() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            consoleMessages.add(entry.getMessage());
        }
    }

    private WebElement cell(String app, String env) {
        return browser.findElement(By.cssSelector("td.gp-cell[data-app='" + app + "'][data-env='" + env + "']"));
    }

    private String tagInGit(String app, String env) throws Exception {
        Matcher m = NEW_TAG.matcher(BareRepos.readFile(remote, "main", SyntheticConfigRepository.overlay(app, env)));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void filter(String text) {
        WebElement filter = browser.findElement(By.id("gp-filter"));
        filter.clear();
        filter.sendKeys(text);
    }

    @Test
    void theMatrixShowsEveryEnvironmentAppAndVersionPageByPage() throws Exception {
        open();
        List<String> headers = browser.findElements(By.cssSelector("table.gp-matrix thead th")).stream()
                .map(WebElement::getText).toList();
        assertThat(headers).containsExactly("APP", "PARITY", "DEV", "STAGING", "PROD");
        assertThat(browser.findElement(By.cssSelector(".gp-page")).getText()).contains("of " + APPS);
        List<String> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            for (WebElement row : browser.findElements(By.cssSelector("table.gp-matrix tbody tr"))) {
                String app = row.getAttribute("data-app");
                seen.add(app);
                for (String env : SyntheticConfigRepository.ENVIRONMENTS) {
                    assertThat(cell(app, env).findElement(By.cssSelector(".gp-tag")).getText())
                            .as("%s in %s", app, env).isEqualTo(tagInGit(app, env));
                }
            }
            WebElement next = browser.findElement(By.xpath("//nav[@class='gp-pager']/button[contains(., 'Next')]"));
            if (!next.isEnabled()) {
                break;
            }
            next.click();
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            all.add(SyntheticConfigRepository.appName(i));
        }
        assertThat(seen).isEqualTo(all);

        filter("app-0119");
        assertThat(browser.findElements(By.cssSelector("table.gp-matrix tbody tr"))).singleElement()
                .extracting(r -> r.getAttribute("data-app")).isEqualTo("app-0119");
    }

    @Test
    void anOpenPullRequestShowsAsPendingOnItsCell() {
        open();
        filter(PENDING_APP);
        WebElement pending = cell(PENDING_APP, "staging").findElement(By.cssSelector(".gp-pending"));
        assertThat(pending.getTagName()).isEqualTo("a");
        assertThat(pending.getText()).isEqualTo("pending 1.0.9 (#42)");
        assertThat(pending.getAttribute("href")).isEqualTo("https://github.com/acme/config/pull/42");
        assertThat(cell(PENDING_APP, "dev").findElements(By.cssSelector(".gp-pending"))).isEmpty();
    }

    @Test
    void aCellShowsWhatItsClustersReportWithTheirMessagesAndItsDeliveryFigures() throws Exception {
        open();
        filter(DEPLOYED_APP);
        WebElement prod = cell(DEPLOYED_APP, "prod");
        WebElement state = prod.findElement(By.cssSelector(".gp-state"));
        assertThat(state.getText()).isEqualTo("degraded");
        assertThat(state.getAttribute("class")).contains("gp-state-degraded");
        assertThat(state.getAttribute("title")).startsWith("2 of 3 pods crash-looping (generic, edge-2, ");
        assertThat(prod.findElements(By.cssSelector(".gp-cluster"))).extracting(WebElement::getText, e -> e.getAttribute("title"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edge-1: healthy", "rolled out, 3 of 3 ready"),
                        org.assertj.core.groups.Tuple.tuple("edge-2: degraded", "2 of 3 pods crash-looping"));
        JsonNode figures = null;
        // A client of its own enters as the browser does: the printed address, whose secret becomes a cookie.
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThat(client.send(HttpRequest.newBuilder(serving.url()).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        for (JsonNode m : new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(
                serving.url().resolve("api/status")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("metrics")) {
            if (m.get("app").asText().equals(DEPLOYED_APP) && m.get("env").asText().equals("prod")) {
                figures = m;
            }
        }
        assertThat(figures).isNotNull();
        int deployments = figures.get("deployments").asInt();
        assertThat(prod.findElement(By.cssSelector(".gp-metrics")).getText()).startsWith(deployments
                + (deployments == 1 ? " deploy" : " deploys") + " in 30d");
        assertThat(cell(DEPLOYED_APP, "dev").findElements(By.cssSelector(".gp-deployment"))).as("dev is not tracked").isEmpty();
    }

    @Test
    void theHistoryDrawerOpensWithTheCellsVersionsAndClosesWithEscape() throws Exception {
        String app = SyntheticConfigRepository.appName(7);
        open();
        filter(app);
        WebElement history = cell(app, "prod").findElement(By.cssSelector("button.gp-history"));
        history.click();
        WebElement drawer = browser.findElement(By.id("gp-drawer"));
        wait.until(ExpectedConditions.visibilityOf(drawer));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".gp-history-entry")));
        assertThat(browser.findElement(By.id("gp-drawer-title")).getText()).isEqualTo("History of " + app + " in prod");
        List<WebElement> entries = browser.findElements(By.cssSelector(".gp-history-entry"));
        assertThat(entries.get(0).findElement(By.cssSelector(".gp-tag")).getText()).isEqualTo(tagInGit(app, "prod"));
        assertThat(entries.get(0).getText()).contains("current");
        assertThat(entries.get(entries.size() - 1).getText()).contains("Config repository of " + APPS + " apps");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(drawer));
        assertThat(browser.switchTo().activeElement()).isEqualTo(history);
    }

    @Test
    void promoteCallsTheEndpointTheRepositoryGetsTheCommitAndThePageUpdates() throws Exception {
        String app = SyntheticConfigRepository.appName(10);
        String devTag = tagInGit(app, "dev");
        assertThat(tagInGit(app, "staging")).isNotEqualTo(devTag);
        open();
        filter(app);
        cell(app, "dev").findElement(By.cssSelector("button.gp-promote")).click();

        wait.until(d -> cell(app, "staging").findElement(By.cssSelector(".gp-tag")).getText().equals(devTag));
        assertThat(browser.findElement(By.cssSelector(".gp-status")).getText()).startsWith("promoted: Promote " + app);
        assertThat(tagInGit(app, "staging")).isEqualTo(devTag);
        assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).startsWith("Promote " + app)
                .contains("Promoted-From: dev");
        assertThat(cell(app, "staging").findElement(By.cssSelector(".gp-age")).getText()).isEqualTo("just now");
    }

    @Test
    void aHeldCellSaysWhoHeldItWhenAndWhyAndItsReleaseButtonRemovesTheHold() throws Exception {
        String app = SyntheticConfigRepository.appName(11);
        // A hold as a rollback writes it (or a person, in the same shape).
        BareRepos.commitFile(remote, "main", ".gitops/holds.yaml", "holds:\n  - app: " + app + "\n    env: dev\n"
                + "    by: Jane Doe <jane@example.com>\n    at: \"2026-12-06T07:40:00Z\"\n    reason: 1.0.3 leaks memory\n",
                "Hold " + app + " in dev");
        open();
        filter(app);

        WebElement held = cell(app, "dev").findElement(By.cssSelector(".gp-held"));
        assertThat(held.getText()).isEqualTo("held: 1.0.3 leaks memory");
        assertThat(held.getAttribute("title")).isEqualTo("Held by Jane Doe <jane@example.com> since 2026-12-06T07:40:00Z:"
                + " 1.0.3 leaks memory (promotions into it are refused until released)");
        assertThat(cell(app, "staging").findElements(By.cssSelector(".gp-held, button.gp-release"))).isEmpty();
        cell(app, "dev").findElement(By.cssSelector("button.gp-release")).click();

        wait.until(d -> cell(app, "dev").findElements(By.cssSelector(".gp-held")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".gp-status")).getText())
                .isEqualTo("released: Release the hold on " + app + " in dev");
        assertThat(BareRepos.readFile(remote, "main", ".gitops/holds.yaml")).isEqualTo("holds:\n");
        assertThat(BareRepos.log(remote, "main").get(0).getFooterLines("Hold-Released"))
                .containsExactly("held by Jane Doe <jane@example.com> since 2026-12-06T07:40:00Z: 1.0.3 leaks memory");
    }

    @Test
    void aPostFromThePageWithoutTheTokenIsRefusedAndTheRepositoryUntouched() throws Exception {
        open();
        Object status = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch('api/promote', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({app: 'app-0001', env: 'dev'})}).then(r => done(r.status), e => done(String(e)));");
        assertThat(status).isEqualTo(403L);
        assertThat(BareRepos.log(remote, "main").get(0).getShortMessage()).doesNotContain("app-0001");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(serving.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'").contains("base-uri 'none'").contains("form-action 'self'"));
    }

    @Test
    void readOnlyHidesTheActions() throws Exception {
        Serving readOnly = Serving.start("serve", "--repo", temp.resolve("config.git").toString(), "--cache-dir",
                temp.resolve("cache-ro").toString(), "--port", "0", "--read-only", "--provider", "none");
        try {
            browser.get(readOnly.url().toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.gp-matrix tbody tr")));
            assertThat(browser.findElements(By.cssSelector("button.gp-history"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("button.gp-promote"))).isEmpty();
            assertThat(browser.findElement(By.id("gitops-promotion-view")).getAttribute("data-crumb")).isEmpty();
            // app-0005 was promoted in prod by the generated history: its drawer lists an earlier version.
            cell(SyntheticConfigRepository.appName(5), "prod").findElement(By.cssSelector("button.gp-history")).click();
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".gp-history-entry"), 1));
            assertThat(browser.findElements(By.cssSelector("button.gp-rollback"))).isEmpty();
        } finally {
            readOnly.stop();
        }
    }

    @Test
    @Order(100) // last: it checks the console of every page the other tests loaded
    void screenshotsAtLaptopAndWideWidthsAndNoContentSecurityPolicyViolation() throws Exception {
        open();
        Path target = Path.of("target");
        Files.createDirectories(target);
        for (Map.Entry<String, Dimension> size : Map.of("laptop", new Dimension(1440, 900), "wide", new Dimension(2400, 1100))
                .entrySet()) {
            browser.manage().window().setSize(size.getValue());
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve("promotion-view-" + size.getKey() + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal scrolling at %s", size.getKey()).isEqualTo(false);
        }
        filter(PENDING_APP);
        cell(PENDING_APP, "staging").findElement(By.cssSelector("button.gp-history")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".gp-history-entry")));
        browser.manage().window().setSize(new Dimension(1440, 900));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                target.resolve("promotion-view-history.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        collectConsole();
        assertThat(consoleMessages).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
        assertThat(consoleMessages).noneMatch(m -> m.contains("SEVERE") || m.contains("Uncaught"));
    }
}

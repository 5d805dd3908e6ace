package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of a pull-request API met by whole promotions (GitHub's REST API as documented, played by WireMock,
 * and a real Git server): an answer lost after the pull request was created, answers that never come,
 * malformed JSON. Each ends with exactly one pull request, or a clear failure and none opened blindly.
 * Rate limits ({@code 429} with {@code Retry-After}) and 5xx outages are covered per provider, e.g. in
 * {@code GitHubProviderTest.rateLimitsAndOutagesAreWaitedOutAsTheServerAsks}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProviderFaultTest {

    private static final String PULLS = "/repos/acme/config/pulls";
    private static final String BRANCH = "gitops-promotion/staging/web";
    private static final String PR_12 = GitHubProviderTest.PR_12;

    @TempDir
    Path temp;

    private ProviderTestSupport support;
    private WireMockServer api;
    private GitHttpServer git;
    private Repository remote;
    private RepositoryLocation location;
    private PromotionEngine engine;

    @BeforeEach
    void start() throws Exception {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        git = GitHttpServer.start(temp.resolve("git"), "ci", "git-password");
        remote = git.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        location = RepositoryLocation.parse(git.url("config").toString());
        engine = support.engine(temp.resolve("cache"));
        PromotionResult dev = engine.promote(ProviderTestSupport.request(location, "dev")
                .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).build());
        assertThat(dev.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        api.stubFor(patch(urlEqualTo(PULLS + "/12")).willReturn(okJson(PR_12)));
    }

    @AfterEach
    void stop() throws IOException {
        git.close();
        support.close();
    }

    private PromotionResult promoteStaging() throws IOException {
        return engine.promote(ProviderTestSupport.request(location, "staging").version(new VersionSource.FromEnvironment("dev"))
                .pullRequests(support.settings(ProviderKind.GITHUB, "", "acme/config")).build());
    }

    @Test
    void aPullRequestCreatedWhoseAnswerWasLostIsFoundByTheNextPromotionNotOpenedTwice() throws Exception {
        // The list lags behind the creation (as GitHub's search-backed lists can): the lost answer cannot be
        // recovered at once, so the first promotion fails, saying the next one completes it.
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(PULLS)).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("lost").whenScenarioStateIs("created").willSetStateTo("listed")
                .willReturn(okJson("[]")));
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("lost").whenScenarioStateIs("listed").willReturn(okJson("[" + PR_12 + "]")));

        assertThatThrownBy(this::promoteStaging).isInstanceOf(PromotionException.class)
                .hasMessageContaining("pushed " + BRANCH + ", but the pull request could not be opened or updated")
                .hasMessageContaining("got no answer")
                .hasMessageContaining("the next promotion of web to staging completes the pull request");
        String pushed = BareRepos.head(remote, BRANCH).name();

        PromotionResult next = promoteStaging();

        assertThat(next.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(next.pullRequest().number()).isEqualTo(12);
        assertThat(BareRepos.head(remote, BRANCH).name()).isEqualTo(pushed);
        api.verify(1, postRequestedFor(urlEqualTo(PULLS)));
    }

    @Test
    void anAnswerThatNeverComesIsGivenUpOnAndAskedAgain() throws Exception {
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("quick")
                .willReturn(okJson("[]").withFixedDelay((int) ProviderTestSupport.REQUEST_TIMEOUT.multipliedBy(3).toMillis())));
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("slow").whenScenarioStateIs("quick").willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(PULLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(PR_12)));

        PromotionResult result = promoteStaging();

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(result.pullRequest().number()).isEqualTo(12);
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(1));
        api.verify(2, getRequestedFor(urlPathEqualTo(PULLS)));
        api.verify(1, postRequestedFor(urlEqualTo(PULLS)));
    }

    @Test
    void aMangledListIsNeverReadAsNoPullRequestSoNoneIsOpenedBlindly() throws Exception {
        api.stubFor(get(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"id\": 1296269, \"number\": 12, \"state\": \"op")));

        assertThatThrownBy(this::promoteStaging).isInstanceOf(PromotionException.class)
                .hasMessageContaining("GET " + api.baseUrl() + PULLS)
                .hasMessageContaining("answered 200 with a body that is not JSON (cut off or mangled on the way)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        assertThat(support.waits()).hasSize(4);
        api.verify(0, postRequestedFor(urlEqualTo(PULLS)));
    }

    @Test
    void aCreationWhoseAnswerIsMangledIsLookedUpInsteadOfRepeated() throws Exception {
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("mangled").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(PULLS)).inScenario("mangled").willSetStateTo("created").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 1296269, \"node_id\": \"PR_kw")));
        api.stubFor(get(urlPathEqualTo(PULLS)).inScenario("mangled").whenScenarioStateIs("created").willReturn(okJson("[" + PR_12 + "]")));

        PromotionResult result = promoteStaging();

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(result.pullRequest().url()).isEqualTo("https://github.com/acme/config/pull/12");
        api.verify(1, postRequestedFor(urlEqualTo(PULLS)));
    }
}

package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.NOW;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.TOKEN;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.assertTokenNeverShown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's REST API as documented (docs.github.com/en/rest/pulls/pulls, issues/labels,
 * pulls/review-requests; GraphQL enablePullRequestAutoMerge), played by WireMock.
 */
class GitHubProviderTest {

    private static final String REPO = "/repos/acme/config";
    private static final String HEAD = "gitops-promotion/staging/web";
    /** Pull request 12 as GitHub lists and returns it. */
    static final String PR_12 = """
            {"id": 1296269, "node_id": "PR_kwDOABCD1234", "number": 12, "state": "open",
             "html_url": "https://github.com/acme/config/pull/12", "title": "Promote web 1.0.0 → 1.1.0 to staging",
             "head": {"ref": "gitops-promotion/staging/web", "label": "acme:gitops-promotion/staging/web"},
             "base": {"ref": "main", "label": "acme:main"}}""";

    private ProviderTestSupport support;
    private WireMockServer api;
    private PullRequestProvider github;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        github = support.provider(ProviderKind.GITHUB, "", "acme/config");
    }

    @AfterEach
    void stop() {
        support.close();
    }

    private static PullRequestDraft draft(List<String> labels, List<String> reviewers, boolean autoMerge) {
        return new PullRequestDraft(HEAD, "main", "Promote web 1.0.0 → 1.1.0 to staging", "body text", labels, reviewers, autoMerge);
    }

    @Test
    void findsTheOpenPullRequestOfTheBranchAcrossPages() throws Exception {
        api.stubFor(get(urlEqualTo(REPO + "/pulls?state=open&per_page=100&head=acme%3Agitops-promotion%2Fstaging%2Fweb&base=main"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .willReturn(okJson("[{\"number\": 3, \"html_url\": \"h\", \"node_id\": \"n\", \"head\": {\"ref\": \"other\"},"
                        + " \"base\": {\"ref\": \"main\"}}]")
                        .withHeader("Link", "<" + api.baseUrl() + REPO + "/pulls?page=2>; rel=\"next\", <" + api.baseUrl() + REPO
                                + "/pulls?page=2>; rel=\"last\"")));
        api.stubFor(get(urlEqualTo(REPO + "/pulls?page=2")).willReturn(okJson("[" + PR_12 + "]")));

        assertThat(github.findOpen(HEAD, "main")).contains(new PullRequest(12, "https://github.com/acme/config/pull/12",
                "PR_kwDOABCD1234"));
    }

    @Test
    void opensOnePullRequestThenUpdatesItWithLabelsReviewersAndAutoMerge() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("pr").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("pr").willSetStateTo("open")
                .withRequestBody(equalToJson("{\"title\": \"Promote web 1.0.0 → 1.1.0 to staging\", \"head\": \"" + HEAD
                        + "\", \"base\": \"main\", \"body\": \"body text\", \"maintainer_can_modify\": false}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("pr").whenScenarioStateIs("open")
                .willReturn(okJson("[" + PR_12 + "]")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12"))
                .withRequestBody(equalToJson("{\"title\": \"Promote web 1.0.0 → 1.1.0 to staging\", \"body\": \"body text\"}"))
                .willReturn(okJson(PR_12)));
        api.stubFor(post(urlEqualTo(REPO + "/issues/12/labels")).withRequestBody(equalToJson("{\"labels\": [\"promotion\"]}"))
                .willReturn(okJson("[{\"id\": 208045946, \"name\": \"promotion\", \"color\": \"f29513\"}]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/requested_reviewers"))
                .withRequestBody(equalToJson("{\"reviewers\": [\"octocat\"], \"team_reviewers\": [\"sre\"]}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(post(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDOABCD1234")))
                .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "enablePullRequestAutoMerge")))
                .willReturn(okJson("{\"data\": {\"enablePullRequestAutoMerge\": {\"pullRequest\": {\"number\": 12}}}}")));

        PullRequestDraft draft = draft(List.of("promotion"), List.of("octocat", "acme/sre"), true);
        PullRequest first = PullRequests.ensure(github, draft);
        PullRequest second = PullRequests.ensure(github, draft);

        assertThat(first.number()).isEqualTo(12);
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/issues/12/labels")));
        api.verify(2, postRequestedFor(urlEqualTo("/graphql")));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfDuplicated() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson("[" + PR_12 + "]")));

        assertThat(PullRequests.ensure(github, draft(List.of(), List.of(), false)).number()).isEqualTo(12);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
    }

    @Test
    void eachErrorClassSaysWhatItMeansAndNeverShowsTheToken() {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/json").withBody("{\"message\": \"Bad credentials\", \"documentation_url\": \"https://docs.github.com/rest\"}")));
        assertThatThrownBy(() -> github.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 401: the token was refused (invalid, expired or revoked): Bad credentials")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(post(urlEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(403)
                .withHeader("X-Accepted-OAuth-Scopes", "repo").withHeader("X-OAuth-Scopes", "read:org")
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Resource not accessible by integration\"}")));
        assertThatThrownBy(() -> github.create(draft(List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("403: the token is not allowed to do this; it needs the scope repo: Resource not accessible");

        api.stubFor(patch(urlEqualTo(REPO + "/pulls/7")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Not Found\"}")));
        assertThatThrownBy(() -> github.update(new PullRequest(7, "u", "n"), draft(List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("404: not found: " + api.baseUrl() + REPO + "/pulls/7 does not exist or the token cannot see it");

        api.stubFor(post(urlEqualTo(REPO + "/issues/12/labels")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Validation Failed\", \"errors\": [{\"resource\":"
                        + " \"Label\", \"code\": \"invalid\", \"field\": \"name\"}]}")));
        assertThatThrownBy(() -> github.addLabels(new PullRequest(12, "u", "n"), List.of("bad")))
                .isInstanceOf(ApiException.class).hasMessageContaining("422: refused: Validation Failed; Label name invalid");

        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/requested_reviewers")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Head branch was modified.\"}")));
        assertThatThrownBy(() -> github.requestReviewers(new PullRequest(12, "u", "n"), List.of("octocat")))
                .isInstanceOf(ApiException.class).hasMessageContaining("409: conflict: Head branch was modified.");

        api.stubFor(post(urlEqualTo("/graphql")).willReturn(okJson("{\"data\": {\"enablePullRequestAutoMerge\": null}, \"errors\":"
                + " [{\"type\": \"UNPROCESSABLE\", \"message\": \"Auto merge is not allowed for this repository\"}]}")));
        assertThatThrownBy(() -> github.enableAutoMerge(new PullRequest(12, "https://github.com/acme/config/pull/12", "PR_x"),
                draft(List.of(), List.of(), true)))
                .isInstanceOf(ApiException.class).hasMessageContaining("Auto merge is not allowed for this repository");
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOutAsTheServerAsks() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("limits").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("secondary").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("limits").whenScenarioStateIs("secondary")
                .willSetStateTo("primary").willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 30))
                        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"API rate limit exceeded\"}")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("limits").whenScenarioStateIs("primary")
                .willSetStateTo("ok").willReturn(aResponse().withStatus(500)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("limits").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        assertThat(github.findOpen(HEAD, "main")).isEmpty();

        assertThat(support.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(31), Duration.ofSeconds(4));
        api.verify(4, getRequestedFor(urlPathEqualTo(REPO + "/pulls")));
    }

    @Test
    void aWaitBeyondTheBoundFailsAndSaysSo() {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        assertThatThrownBy(() -> github.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("it asks to wait 3600 s more, beyond the 120 s allowed; try again later");
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void twoPromotionsOpenOnePullRequestThenUpdateIt(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("e2e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("e2e").willSetStateTo("open")
                .withRequestBody(matchingJsonPath("$.head", equalTo(HEAD)))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.1.0 to staging")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("e2e").whenScenarioStateIs("open")
                .willReturn(okJson("[" + PR_12 + "]")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.2.0 to staging")))
                .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "<!-- gitops-promotion:v1 {\"app\":\"web\",\"env\":\"staging\"")))
                .willReturn(okJson(PR_12)));

        List<PromotionResult> results = support.promoteTwice(temp, ProviderKind.GITHUB, "", "acme/config");

        assertThat(results).extracting(PromotionResult::status).containsOnly(PromotionResult.Status.PROMOTED);
        assertThat(results).extracting(r -> r.pullRequest().url()).containsOnly("https://github.com/acme/config/pull/12");
        assertThat(results.get(1).toJson()).contains("\"pullRequest\":{\"url\":\"https://github.com/acme/config/pull/12\",\"number\":12}");
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
        assertThat(api.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN));
    }
}

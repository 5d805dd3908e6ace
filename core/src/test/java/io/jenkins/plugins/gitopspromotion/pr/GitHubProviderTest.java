package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The head commit of pull request 12. */
    private static final String HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    /** The mutation's answer when GitHub accepts (GraphQL docs: enablePullRequestAutoMerge payload). */
    private static final String AUTO_MERGE_ENABLED = "{\"data\": {\"enablePullRequestAutoMerge\": {\"pullRequest\": {\"number\": 12}}}}";

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

    /**
     * GraphQL at {@code path} answering the query for the pull request's head and the repository's allowed merge methods
     * (GraphQL reference: PullRequest.headRefOid, Repository.squashMergeAllowed, mergeCommitAllowed, rebaseMergeAllowed).
     */
    private void stubGraphql(String path, boolean squash, boolean merge, boolean rebase) {
        api.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.query", containing("headRefOid")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDOABCD1234")))
                .willReturn(okJson("{\"data\": {\"node\": {\"headRefOid\": \"" + HEAD_SHA + "\", \"repository\": {"
                        + "\"squashMergeAllowed\": " + squash + ", \"mergeCommitAllowed\": " + merge
                        + ", \"rebaseMergeAllowed\": " + rebase + "}}}}")));
    }

    private static PullRequest pr12() {
        return new PullRequest(12, "https://github.com/acme/config/pull/12", "PR_kwDOABCD1234");
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
        stubGraphql("/graphql", true, true, true);
        api.stubFor(post(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDOABCD1234")))
                .withRequestBody(matchingJsonPath("$.variables.method", equalTo("SQUASH")))
                .withRequestBody(matchingJsonPath("$.query", containing("enablePullRequestAutoMerge")))
                .willReturn(okJson(AUTO_MERGE_ENABLED)));

        PullRequestDraft draft = draft(List.of("promotion"), List.of("octocat", "acme/sre"), true);
        PullRequest first = PullRequests.ensure(github, draft);
        PullRequest second = PullRequests.ensure(github, draft);

        assertThat(first.number()).isEqualTo(12);
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/issues/12/labels")));
        api.verify(2, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query",
                containing("enablePullRequestAutoMerge"))));
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
    void enterpriseServerAutoMergeGoesToApiGraphql() throws Exception {
        // Enterprise Server: REST under https://HOST/api/v3, GraphQL at https://HOST/api/graphql ("Forming calls with GraphQL").
        PullRequestProvider enterprise = support.provider(ProviderKind.GITHUB, "/api/v3", "acme/config");
        stubGraphql("/api/graphql", true, true, true);
        api.stubFor(post(urlEqualTo("/api/graphql")).withRequestBody(matchingJsonPath("$.query", containing("enablePullRequestAutoMerge")))
                .willReturn(okJson(AUTO_MERGE_ENABLED)));

        enterprise.enableAutoMerge(pr12(), draft(List.of(), List.of(), true));

        api.verify(2, postRequestedFor(urlEqualTo("/api/graphql")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clean", "unstable"})
    void autoMergeOnAPullRequestThatCanMergeNowMergesItAtItsHead(String state) throws Exception {
        // GitHub refuses auto-merge when nothing is left to wait for; the answer as GitHub sends it.
        stubGraphql("/graphql", true, true, true);
        api.stubFor(post(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query", containing("enablePullRequestAutoMerge")))
                .willReturn(okJson("{\"data\": {\"enablePullRequestAutoMerge\": null}, \"errors\": [{\"type\": \"UNPROCESSABLE\","
                        + " \"path\": [\"enablePullRequestAutoMerge\"], \"locations\": [{\"line\": 1, \"column\": 60}],"
                        + " \"message\": \"[\\\"Pull request Pull request is in " + state + " status\\\"]\"}]}")));
        // REST "Merge a pull request": merge_method and sha (the head that must still be there); 200 when merged.
        api.stubFor(put(urlEqualTo(REPO + "/pulls/12/merge"))
                .withRequestBody(equalToJson("{\"merge_method\": \"squash\", \"sha\": \"" + HEAD_SHA + "\"}"))
                .willReturn(okJson("{\"sha\": \"6dcb09b5b57875f334f61aebed695e2e4193db5f\", \"merged\": true,"
                        + " \"message\": \"Pull Request successfully merged\"}")));

        github.enableAutoMerge(pr12(), draft(List.of(), List.of(), true));

        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pulls/12/merge")));
    }

    @Test
    void aMergeNowWhoseAnswerWasLostIsNotSentAgain() {
        stubGraphql("/graphql", true, true, true);
        api.stubFor(post(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query", containing("enablePullRequestAutoMerge")))
                .willReturn(okJson("{\"data\": {\"enablePullRequestAutoMerge\": null}, \"errors\": [{\"type\": \"UNPROCESSABLE\","
                        + " \"message\": \"Pull request Pull request is in clean status\"}]}")));
        api.stubFor(put(urlEqualTo(REPO + "/pulls/12/merge"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> github.enableAutoMerge(pr12(), draft(List.of(), List.of(), true))).isInstanceOf(ApiException.class)
                .hasMessageContaining("PUT " + api.baseUrl() + REPO + "/pulls/12/merge got no answer");
        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pulls/12/merge")));
    }

    @Test
    void autoMergeUsesAMergeMethodTheRepositoryAllows() throws Exception {
        stubGraphql("/graphql", false, true, true);
        api.stubFor(post(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query", containing("enablePullRequestAutoMerge")))
                .withRequestBody(matchingJsonPath("$.variables.method", equalTo("MERGE")))
                .willReturn(okJson(AUTO_MERGE_ENABLED)));

        github.enableAutoMerge(pr12(), draft(List.of(), List.of(), true));

        api.verify(1, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.variables.method", equalTo("MERGE"))));
    }

    @Test
    void aRepositoryThatAllowsNoMergeMethodIsReportedBeforeAnyChange() {
        stubGraphql("/graphql", false, false, false);

        assertThatThrownBy(() -> github.enableAutoMerge(pr12(), draft(List.of(), List.of(), true))).isInstanceOf(ApiException.class)
                .hasMessageContaining("allows no merge method");
        api.verify(0, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query",
                containing("enablePullRequestAutoMerge"))));
    }

    @Test
    void aTeamOfAnotherOrganizationIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> github.requestReviewers(pr12(), List.of("octocat", "other-org/sre"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("only teams of the repository's organization acme")
                .hasMessageContaining("'other-org/sre'");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTeamOfTheRepositorysOrganizationIsAskedByItsSlug() throws Exception {
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/requested_reviewers"))
                .withRequestBody(equalToJson("{\"reviewers\": [], \"team_reviewers\": [\"sre\"]}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));

        github.requestReviewers(pr12(), List.of("Acme/sre"));

        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls/12/requested_reviewers")));
    }

    @Test
    void everyRequestCarriesOneAcceptHeader() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(okJson("[]")));

        github.findOpen(HEAD, "main");

        assertThat(api.getAllServeEvents()).singleElement().satisfies(event ->
                assertThat(event.getRequest().getHeaders().getHeader("Accept").values()).containsExactly("application/vnd.github+json"));
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedWithTheToken() {
        // A Link header must not send the token anywhere but the API.
        String elsewhere = support.otherHostUrl();
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).withQueryParam("state", equalTo("open"))
                .willReturn(okJson("[]").withHeader("Link", "<" + elsewhere + REPO + "/pulls?page=2>; rel=\"next\"")));
        api.stubFor(get(urlEqualTo(REPO + "/pulls?page=2")).willReturn(okJson("[" + PR_12 + "]")));

        assertThatThrownBy(() -> github.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("GET " + elsewhere + REPO + "/pulls?page=2 was not sent")
                .hasMessageContaining("the token goes only there");
        api.verify(0, getRequestedFor(urlEqualTo(REPO + "/pulls?page=2")));
    }

    @Test
    void aRedirectIsFollowedOnlyOnTheApisOwnAddress() throws Exception {
        // "Best practices" of the REST API: 301 for a renamed repository, repeated at its Location.
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", api.baseUrl() + "/repositories/42/pulls?state=open")
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Moved Permanently\", \"url\": \""
                        + api.baseUrl() + "/repositories/42/pulls?state=open\"}")));
        api.stubFor(get(urlEqualTo("/repositories/42/pulls?state=open")).willReturn(okJson("[" + PR_12 + "]")));
        assertThat(github.findOpen(HEAD, "main")).map(PullRequest::number).contains(12L);

        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", support.otherHostUrl() + "/repositories/42/pulls?state=open")));
        assertThatThrownBy(() -> github.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("was not sent").hasMessageContaining("the token goes only there");
        api.verify(1, getRequestedFor(urlEqualTo("/repositories/42/pulls?state=open")));
    }

    @Test
    void aSecondaryRateLimitWithoutRetryAfterIsWaitedOutForAMinute() throws Exception {
        // "Rate limits for the REST API": 403, a message naming the secondary rate limit, and no retry-after or
        // exhausted x-ratelimit-remaining: wait at least one minute.
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("secondary").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4987")
                        .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3000))
                        .withBody("{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes before you try"
                                + " again.\", \"documentation_url\": \"https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-"
                                + "rest-api#about-secondary-rate-limits\"}")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("secondary").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        assertThat(github.findOpen(HEAD, "main")).isEmpty();

        assertThat(support.waits()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void aSecondaryRateLimitThatLastsSaysRateLimitedNotForbidden() {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(403).withHeader("Content-Type",
                "application/json").withBody("{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes"
                + " before you try again.\"}")));

        assertThatThrownBy(() -> github.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("secondary rate limit").hasMessageContaining("beyond the 120 s allowed")
                .hasMessageNotContaining("not allowed to do this");
        assertThat(support.waits()).containsExactly(Duration.ofMinutes(1));
    }

    /**
     * "List pull requests" with {@code state=closed}: a pull request closed unmerged has {@code merged_at} null, a merged
     * one the time it was merged; {@code head.sha} is where its branch was.
     */
    @Test
    void findsThePullRequestsOfTheBranchClosedWithoutMerging() throws Exception {
        String declined = PR_12.replace("\"state\": \"open\"", "\"state\": \"closed\", \"merged_at\": null,"
                + " \"closed_at\": \"2026-11-27T11:00:00Z\"").replace("\"label\": \"acme:gitops-promotion/staging/web\"}",
                "\"label\": \"acme:gitops-promotion/staging/web\", \"sha\": \"" + HEAD_SHA + "\"}");
        String merged = declined.replace("\"number\": 12", "\"number\": 9").replace("/pull/12", "/pull/9")
                .replace("\"merged_at\": null", "\"merged_at\": \"2026-11-26T10:00:00Z\"");
        api.stubFor(get(urlEqualTo(REPO + "/pulls?state=closed&sort=updated&direction=desc&per_page=100"
                + "&head=acme%3Agitops-promotion%2Fstaging%2Fweb&base=main"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("[" + declined + ", " + merged + "]")));

        List<ClosedPullRequest> closed = github.findClosed(HEAD, "main");

        assertThat(closed).containsExactly(new ClosedPullRequest(pr12(), HEAD_SHA));
        assertThat(closed.get(0).wasAt(HEAD_SHA)).isTrue();
    }

    /**
     * "Get a pull request" for its {@code body}, "Create an issue comment" ({@code POST /repos/{owner}/{repo}/issues/
     * {issue_number}/comments}, 201 with the comment) and "Update a pull request" with {@code state: closed}.
     */
    @Test
    void readsTheDescriptionCommentsAndClosesAPullRequest() throws Exception {
        api.stubFor(get(urlEqualTo(REPO + "/pulls/12")).willReturn(okJson(PR_12.replace("\"state\": \"open\"",
                "\"state\": \"open\", \"body\": \"Promotes **web**\\n<!-- gitops-promotion:v1 {} -->\""))));
        api.stubFor(post(urlEqualTo(REPO + "/issues/12/comments")).withRequestBody(equalToJson("{\"body\": \"moot since abc\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id": 1, "node_id": "MDEyOklzc3VlQ29tbWVudDE=", "body": "moot since abc",
                         "html_url": "https://github.com/acme/config/pull/12#issuecomment-1",
                         "created_at": "2026-11-27T12:00:00Z"}""")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}"))
                .willReturn(okJson(PR_12.replace("\"state\": \"open\"", "\"state\": \"closed\""))));

        assertThat(github.description(pr12())).isEqualTo("Promotes **web**\n<!-- gitops-promotion:v1 {} -->");
        github.comment(pr12(), "moot since abc");
        github.close(pr12());

        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/issues/12/comments")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}")));
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

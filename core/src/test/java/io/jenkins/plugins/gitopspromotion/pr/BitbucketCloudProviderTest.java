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
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
 * Bitbucket Cloud's REST API 2.0 as documented, played by WireMock:
 * <ul>
 *   <li>"Pullrequests" (developer.atlassian.com/cloud/bitbucket/rest/api-group-pullrequests/): List pull requests
 *       ({@code GET /repositories/{workspace}/{repo_slug}/pullrequests}, {@code state} and the {@code q} filter,
 *       a paginated list with {@code values} and {@code next}), Create a pull request ({@code POST}: {@code title},
 *       {@code description}, {@code source.branch.name}, {@code destination.branch.name}, {@code close_source_branch},
 *       {@code reviewers} as {@code {"uuid": ...}} objects; 201 or 400), Get a pull request and Update a pull request
 *       ({@code GET}/{@code PUT .../pullrequests/{pull_request_id}}; 200, 400, 401, 404); error bodies
 *       {@code {"type": "error", "error": {"message", "detail"}}};</li>
 *   <li>"Authentication methods" (developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication): repository,
 *       project and workspace access tokens, sent as {@code Authorization: Bearer <access_token>};</li>
 *   <li>"Filter and sort API objects" and "Pagination" (developer.atlassian.com/cloud/bitbucket/rest/intro/):
 *       {@code q} URL-encoded, string literals in double quotes, {@code next} to follow rather than build;</li>
 *   <li>"API request limits" (support.atlassian.com/bitbucket-cloud/docs/api-request-limits/) and "Bitbucket
 *       Cloud Rate Limit Troubleshooting": 429 "Rate limit for this resource has been exceeded", with the
 *       {@code X-RateLimit-Limit}, {@code X-RateLimit-Resource} and {@code X-RateLimit-NearLimit} headers (no reset
 *       time, so the client backs off unless {@code Retry-After} is given).</li>
 * </ul>
 */
class BitbucketCloudProviderTest {

    private static final String REPO = "/2.0/repositories/acme/config";
    private static final String HEAD = "gitops-promotion/staging/web";
    private static final String PR_URL = "https://bitbucket.org/acme/config/pull-requests/12";
    /** {@code source.branch.name="gitops-promotion/staging/web" AND destination.branch.name="main"}, URL-encoded. */
    private static final String LIST = REPO + "/pullrequests?state=OPEN&q=source.branch.name%3D%22gitops-promotion%2Fstaging%2Fweb"
            + "%22+AND+destination.branch.name%3D%22main%22";
    private static final String CAROL = "{b7f7d2a8-1a1e-4d6f-9c4e-2f1d1b7c0a11}";
    private static final String ALICE_UUID = "{3c1e6f0e-8a51-4c3b-a0f7-5d6e9f2b8c22}";
    private static final String ALICE = "557058:5c2b1a0e-7d6f-4e3a-9b8c-1d2e3f4a5b6c";
    private static final String BOB = "{e4d3c2b1-0a9f-4e8d-8c7b-6a5f4e3d2c33}";

    private ProviderTestSupport support;
    private WireMockServer api;
    private PullRequestProvider bitbucket;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        bitbucket = support.provider(ProviderKind.BITBUCKET, "/2.0", "acme/config");
    }

    @AfterEach
    void stop() {
        // The token goes into the Authorization header and nowhere else.
        assertThat(api.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN));
        support.close();
    }

    /**
     * A pull request as the reference's {@code pullrequest} schema has it (the fields this provider reads, and a few
     * around them): the description is {@code summary.raw}, with its rendering; the schema has no {@code description}.
     */
    private static String pullRequest(long id, String title, String destination, String reviewers) {
        return pullRequest(id, title, destination, reviewers, "OPEN");
    }

    private static String pullRequest(long id, String title, String destination, String reviewers, String state) {
        return """
                {"type": "pullrequest", "id": %d, "title": "%s", "state": "%s",
                 "summary": {"type": "rendered", "raw": "body text", "markup": "markdown", "html": "<p>body text</p>"},
                 "rendered": {"title": {"type": "rendered", "raw": "%2$s", "markup": "markdown", "html": "<p>%2$s</p>"},
                              "description": {"type": "rendered", "raw": "body text", "markup": "markdown", "html": "<p>body text</p>"}},
                 "author": {"type": "user", "display_name": "config-bot", "uuid": "{0a1b2c3d-0000-4000-8000-000000000001}"},
                 "source": {"branch": {"name": "gitops-promotion/staging/web"}, "commit": {"type": "commit", "hash": "9f3c2a1b7d4e"},
                            "repository": {"type": "repository", "full_name": "acme/config", "name": "config",
                                           "uuid": "{5e6f7a8b-0000-4000-8000-000000000002}"}},
                 "destination": {"branch": {"name": "%s"}, "commit": {"type": "commit", "hash": "1a2b3c4d5e6f"},
                                 "repository": {"type": "repository", "full_name": "acme/config", "name": "config",
                                                "uuid": "{5e6f7a8b-0000-4000-8000-000000000002}"}},
                 "close_source_branch": true, "reviewers": [%s], "participants": [],
                 "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/config/pullrequests/%d"},
                           "html": {"href": "https://bitbucket.org/acme/config/pull-requests/%d"}},
                 "created_on": "2026-11-27T11:00:00.000000+00:00", "updated_on": "2026-11-27T11:00:00.000000+00:00"}"""
                .formatted(id, title, state, destination, reviewers, id, id);
    }

    private static String pr12(String reviewers) {
        return pullRequest(12, "Promote web 1.0.0 → 1.1.0 to staging", "main", reviewers);
    }

    private static String account(String uuid, String accountId, String name) {
        return "{\"type\": \"user\", \"display_name\": \"" + name + "\", \"uuid\": \"" + uuid + "\", \"account_id\": \"" + accountId + "\"}";
    }

    private static String page(String values, String next) {
        return "{\"pagelen\": 10, \"page\": 1, \"values\": [" + values + "]" + (next == null ? "" : ", \"next\": \"" + next + "\"") + "}";
    }

    private static ResponseDefinitionBuilder error(int status, String message, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"type\": \"error\", \"error\": {\"message\": \"" + message + "\"" + (detail == null ? "" : ", \"detail\": " + detail)
                        + "}}");
    }

    private static PullRequestDraft draft(String title, List<String> labels, List<String> reviewers, boolean autoMerge) {
        return new PullRequestDraft(HEAD, "main", title, "body text", labels, reviewers, autoMerge);
    }

    @Test
    void findsTheOpenPullRequestOfTheBranchAcrossPages() throws Exception {
        api.stubFor(get(urlEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withQueryParam("q", equalTo("source.branch.name=\"" + HEAD + "\" AND destination.branch.name=\"main\""))
                .willReturn(okJson(page(pullRequest(3, "Promote web to release", "release", ""), api.baseUrl() + LIST + "&page=2"))));
        api.stubFor(get(urlEqualTo(LIST + "&page=2")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(page(pr12(""), null))));

        assertThat(bitbucket.findOpen(HEAD, "main")).contains(new PullRequest(12, PR_URL, "12"));
        api.verify(2, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void findsNothingWhenNoPullRequestIsOpen() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(page("", null))));

        assertThat(bitbucket.findOpen(HEAD, "main")).isEmpty();
    }

    @Test
    void aPullRequestThatIsNotOpenIsNotTakenForTheOpenOne() throws Exception {
        // A server that ignored state=OPEN: the merged pull request of the branch comes back first.
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(page(pullRequest(9, "Promote web 0.9.0 → 1.0.0 to staging", "main", "",
                "MERGED") + ", " + pr12(""), null))));

        assertThat(bitbucket.findOpen(HEAD, "main")).contains(new PullRequest(12, PR_URL, "12"));
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedWithTheToken() {
        String elsewhere = support.otherHostUrl();
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(page("", elsewhere + LIST + "&page=2"))));
        api.stubFor(get(urlEqualTo(LIST + "&page=2")).willReturn(okJson(page(pr12(""), null))));

        assertThatThrownBy(() -> bitbucket.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("was not sent").hasMessageContaining("the token goes only there");
        api.verify(0, getRequestedFor(urlEqualTo(LIST + "&page=2")));
    }

    @Test
    void addingReviewersSendsBackTheDescriptionFromSummaryRawAndNeverABlank() throws Exception {
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12("").replace("\"raw\": \"body text\"",
                "\"raw\": \"Promotes **web**\""))));
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12(account(BOB, "557058:bob", "Bob")))));

        bitbucket.requestReviewers(new PullRequest(12, PR_URL, "12"), List.of(BOB));

        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pullrequests/12")).withRequestBody(matchingJsonPath("$.description",
                equalTo("Promotes **web**"))));
    }

    @Test
    void aDescriptionThatCannotBeReadIsLeftOutOfThePut() throws Exception {
        String withoutSummary = pr12("").replaceAll("\"summary\": \\{[^}]*\\},", "");
        assertThat(withoutSummary).doesNotContain("summary");
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(withoutSummary)));
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12(account(BOB, "557058:bob", "Bob")))));

        bitbucket.requestReviewers(new PullRequest(12, PR_URL, "12"), List.of(BOB));

        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pullrequests/12")).withRequestBody(matchingJsonPath("$.title")));
        api.verify(0, putRequestedFor(urlEqualTo(REPO + "/pullrequests/12")).withRequestBody(matchingJsonPath("$.description")));
    }

    @Test
    void opensOnePullRequestThenUpdatesTitleAndBodyKeepingItsReviewers() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("pr").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(page("", null))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).inScenario("pr").willSetStateTo("open")
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web 1.0.0 → 1.1.0 to staging", "description": "body text",
                         "source": {"branch": {"name": "gitops-promotion/staging/web"}},
                         "destination": {"branch": {"name": "main"}}, "close_source_branch": true}"""))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "https://api.bitbucket.org/2.0/repositories/acme/config/pullrequests/12").withBody(pr12(""))));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("pr").whenScenarioStateIs("open").willReturn(okJson(page(pr12(""), null))));
        // Carol was asked by hand in the meantime: the update must not take her off.
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12(account(CAROL, "557058:carol", "Carol")))));
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12"))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web 1.0.0 → 1.2.0 to staging", "description": "body text",
                         "reviewers": [{"uuid": "%s"}], "close_source_branch": true}""".formatted(CAROL)))
                .willReturn(okJson(pullRequest(12, "Promote web 1.0.0 → 1.2.0 to staging", "main", account(CAROL, "557058:carol", "Carol")))));

        PullRequest first = PullRequests.ensure(bitbucket, draft("Promote web 1.0.0 → 1.1.0 to staging", List.of("promotion"), List.of(), false));
        PullRequest second = PullRequests.ensure(bitbucket, draft("Promote web 1.0.0 → 1.2.0 to staging", List.of("promotion"), List.of(), false));

        assertThat(first).isEqualTo(new PullRequest(12, PR_URL, "12"));
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests")));
        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pullrequests/12")));
        // Labels were asked for, and Bitbucket Cloud has none: nothing was sent for them.
        assertThat(api.getAllServeEvents()).noneSatisfy(e -> assertThat(e.getRequest().getUrl()).containsIgnoringCase("label"));
    }

    @Test
    void asksReviewersByAccountIdOrUuidKeepingThoseAlreadyAsked() throws Exception {
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).inScenario("review").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(pr12(account(CAROL, "557058:carol", "Carol")))));
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12")).inScenario("review").willSetStateTo("asked")
                .withRequestBody(equalToJson("""
                        {"title": "Promote web 1.0.0 → 1.1.0 to staging", "description": "body text",
                         "reviewers": [{"uuid": "%s"}, {"account_id": "%s"}, {"uuid": "%s"}], "close_source_branch": true}"""
                        .formatted(CAROL, ALICE, BOB)))
                .willReturn(okJson(pr12(account(CAROL, "557058:carol", "Carol") + ", " + account(ALICE_UUID, ALICE, "Alice") + ", "
                        + account(BOB, "557058:bob", "Bob")))));
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).inScenario("review").whenScenarioStateIs("asked")
                .willReturn(okJson(pr12(account(CAROL, "557058:carol", "Carol") + ", " + account(ALICE_UUID, ALICE, "Alice") + ", "
                        + account(BOB, "557058:bob", "Bob")))));
        PullRequest pr = new PullRequest(12, PR_URL, "12");

        bitbucket.requestReviewers(pr, List.of(ALICE, BOB));
        // Asked again (as a promotion does each time): all are there already, so nothing is written.
        bitbucket.requestReviewers(pr, List.of(ALICE, BOB.toUpperCase(java.util.Locale.ROOT)));

        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pullrequests/12")));
        api.verify(2, getRequestedFor(urlEqualTo(REPO + "/pullrequests/12")));
    }

    @Test
    void teamsCannotBeAskedForReview() {
        assertThatThrownBy(() -> bitbucket.requestReviewers(new PullRequest(12, PR_URL, "12"), List.of(ALICE, "acme/sre")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Bitbucket Cloud cannot ask a team ('acme/sre') for review; list its members by account id or {uuid}");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void labelsAreANoOpAndAutoMergeIsRefused() throws Exception {
        PullRequest pr = new PullRequest(12, PR_URL, "12");

        bitbucket.addLabels(pr, List.of("promotion", "staging"));

        assertThat(bitbucket.supportsAutoMerge()).isFalse();
        assertThatThrownBy(() -> bitbucket.enableAutoMerge(pr, draft("t", List.of(), List.of(), true)))
                .isInstanceOf(ApiException.class)
                .hasMessage("bitbucket cannot merge a pull request by itself; set autoMerge: false for this environment");
        assertThat(bitbucket.kind()).isEqualTo(ProviderKind.BITBUCKET);
        // Neither the labels nor the refusal reached Bitbucket.
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfDuplicated() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(page("", null))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withStatus(502).withBody("<html><body>Bad Gateway</body></html>")));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("lost").whenScenarioStateIs("created").willReturn(okJson(page(pr12(""), null))));

        assertThat(PullRequests.ensure(bitbucket, draft("Promote web 1.0.0 → 1.1.0 to staging", List.of(), List.of(), false)))
                .isEqualTo(new PullRequest(12, PR_URL, "12"));
        // A POST that may have taken effect is never repeated.
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests")));
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void aCreationThatFailedAndLeftNothingReportsTheFailure() {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(page("", null))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).willReturn(error(500, "Something went wrong", null)));

        assertThatThrownBy(() -> PullRequests.ensure(bitbucket, draft("t", List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("POST " + api.baseUrl() + REPO + "/pullrequests answered 500: the provider failed: Something went wrong")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void eachErrorClassSaysWhatItMeansAndNeverShowsTheToken() {
        // 401: a token that is invalid, expired or revoked (this body even echoes it, as a proxy might).
        api.stubFor(get(urlEqualTo(LIST)).willReturn(error(401, "Token is invalid, expired, or not supported for this endpoint.",
                "\"Authorization: Bearer " + TOKEN + "\"")));
        assertThatThrownBy(() -> bitbucket.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("Bitbucket Cloud API GET " + api.baseUrl() + LIST + " answered 401: the token was refused (invalid,"
                        + " expired or revoked): Token is invalid, expired, or not supported for this endpoint.; Authorization: Bearer ****")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 403: the access token lacks the pull request write scope.
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).willReturn(error(403, "Your credentials lack one or more required privilege scopes.",
                "{\"granted\": [\"repository\", \"pullrequest\"], \"required\": [\"pullrequest:write\"]}")));
        assertThatThrownBy(() -> bitbucket.create(draft("t", List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 403: the token is not allowed to do this: Your credentials lack one or more required"
                        + " privilege scopes.; granted: repository, pullrequest; required: pullrequest:write")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 404: the pull request (or repository) does not exist, or the token cannot see it.
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/7")).willReturn(error(404, "Resource not found", null)));
        assertThatThrownBy(() -> bitbucket.update(new PullRequest(7, "u", "7"), draft("t", List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 404: not found: " + api.baseUrl() + REPO + "/pullrequests/7 does not exist or the token"
                        + " cannot see it; check --project and --api-url: Resource not found")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 400 on create: Bitbucket's own reason.
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).willReturn(error(400, "There are no changes to be pulled", null)));
        assertThatThrownBy(() -> bitbucket.create(draft("t", List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("POST " + api.baseUrl() + REPO + "/pullrequests answered 400: refused: There are no changes to be pulled");

        // 400 on a reviewer Bitbucket does not know, with the field-level detail it sends.
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12(""))));
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12")).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"type\": \"error\", \"error\": {\"fields\": {\"reviewers\": [\"Malformed reviewers list\"]},"
                        + " \"message\": \"reviewers: Malformed reviewers list\"}}")));
        assertThatThrownBy(() -> bitbucket.requestReviewers(new PullRequest(12, PR_URL, "12"), List.of("alice")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("PUT " + api.baseUrl() + REPO + "/pullrequests/12 answered 400: refused: reviewers: Malformed reviewers list")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 409: a conflicting change (Bitbucket's message passed on).
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12")).willReturn(error(409, "The pull request was updated by someone else", null)));
        assertThatThrownBy(() -> bitbucket.update(new PullRequest(12, PR_URL, "12"), draft("t", List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 409: conflict: The pull request was updated by someone else");
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOut() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("hourly")
                .willReturn(error(429, "Rate limit for this resource has been exceeded", null).withHeader("Retry-After", "7")));
        // Bitbucket's own rate-limit headers carry no reset time: the client backs off.
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs("hourly").willSetStateTo("outage")
                .willReturn(error(429, "Rate limit for this resource has been exceeded", null).withHeader("X-RateLimit-Limit", "1000")
                        .withHeader("X-RateLimit-Resource", "api").withHeader("X-RateLimit-NearLimit", "true")));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs("outage").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503)));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs("ok").willReturn(okJson(page(pr12(""), null))));

        assertThat(bitbucket.findOpen(HEAD, "main")).contains(new PullRequest(12, PR_URL, "12"));

        assertThat(support.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(4));
        api.verify(4, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aRateLimitThatOutlastsTheBoundFailsAndSaysSo() {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(error(429, "Rate limit for this resource has been exceeded", null)
                .withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> bitbucket.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 429 (Rate limit for this resource has been exceeded); it asks to wait 3600 s more,"
                        + " beyond the 120 s allowed; try again later")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void aRateLimitThatPersistsGivesUpAfterTheLastTry() {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(error(429, "Rate limit for this resource has been exceeded", null)));

        assertThatThrownBy(() -> bitbucket.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 429: rate limited: Rate limit for this resource has been exceeded (gave up after 5 tries)");
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void aProjectThatIsNotWorkspaceSlashRepoIsRefused() {
        assertThatThrownBy(() -> support.provider(ProviderKind.BITBUCKET, "/2.0", "acme/team/config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bitbucket Cloud names a repository workspace/repo_slug, not 'acme/team/config'");
    }

    @Test
    void twoPromotionsOpenOnePullRequestThenUpdateIt(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("e2e").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(page("", null))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).inScenario("e2e").willSetStateTo("open")
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.source.branch.name", equalTo(HEAD)))
                .withRequestBody(matchingJsonPath("$.destination.branch.name", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.1.0 to staging")))
                .withRequestBody(matchingJsonPath("$.close_source_branch", equalTo("true")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(pr12(""))));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("e2e").whenScenarioStateIs("open").willReturn(okJson(page(pr12(""), null))));
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12(""))));
        api.stubFor(put(urlEqualTo(REPO + "/pullrequests/12"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.2.0 to staging")))
                .withRequestBody(matchingJsonPath("$.description", containing("Promotes **web** to **staging**")))
                // Bitbucket shows HTML comments as text: no machine-readable comment in the description.
                .withRequestBody(matchingJsonPath("$.description", notMatching("(?s).*<!--.*")))
                .willReturn(okJson(pullRequest(12, "Promote web 1.0.0 → 1.2.0 to staging", "main", ""))));

        List<PromotionResult> results = support.promoteTwice(temp, ProviderKind.BITBUCKET, "/2.0", "acme/config");

        assertThat(results).extracting(PromotionResult::status).containsOnly(PromotionResult.Status.PROMOTED);
        assertThat(results).extracting(r -> r.pullRequest().url()).containsOnly(PR_URL);
        assertThat(results).extracting(r -> r.pullRequest().number()).containsOnly(12L);
        assertThat(results.get(1).toJson()).contains("\"pullRequest\":{\"url\":\"" + PR_URL + "\",\"number\":12}");
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests")));
        api.verify(1, putRequestedFor(urlEqualTo(REPO + "/pullrequests/12")));
        assertThat(api.getAllServeEvents()).as("neither the creation nor the update carries an HTML comment")
                .allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain("<!--"));
    }

    /**
     * "List pull requests" with {@code state=DECLINED} and the same filter as the open ones, last updated first; the head
     * is {@code source.commit.hash}, abbreviated to 12 hex digits.
     */
    @Test
    void findsThePullRequestsOfTheBranchThatWereDeclined() throws Exception {
        api.stubFor(get(urlEqualTo(LIST.replace("state=OPEN&", "state=DECLINED&sort=-updated_on&")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(page(pullRequest(12, "Promote web 1.0.0 → 1.1.0 to staging", "main", "", "DECLINED"), null))));

        List<ClosedPullRequest> closed = bitbucket.findClosed(HEAD, "main");

        assertThat(closed).containsExactly(new ClosedPullRequest(new PullRequest(12, PR_URL, "12"), "9f3c2a1b7d4e"));
        assertThat(closed.get(0).wasAt("9f3c2a1b7d4e" + "0".repeat(28))).isTrue();
        assertThat(closed.get(0).wasAt("1" + "0".repeat(39))).isFalse();
    }

    /**
     * "Get a pull request" for {@code summary.raw}, "Create a comment on a pull request" ({@code POST
     * .../pullrequests/{pull_request_id}/comments} with {@code content.raw}; 201 with the {@code pullrequest_comment})
     * and "Decline a pull request" ({@code POST .../pullrequests/{pull_request_id}/decline}, no body; 200 with the pull
     * request).
     */
    @Test
    void readsTheDescriptionCommentsAndDeclinesAPullRequest() throws Exception {
        PullRequest pr = new PullRequest(12, PR_URL, "12");
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12(""))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests/12/comments"))
                .withRequestBody(equalToJson("{\"content\": {\"raw\": \"moot since abc\"}}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"type": "pullrequest_comment", "id": 501, "content": {"type": "rendered", "raw": "moot since abc",
                         "markup": "markdown", "html": "<p>moot since abc</p>"}, "deleted": false, "pending": false,
                         "created_on": "2026-11-27T12:00:00.000000+00:00"}""")));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests/12/decline"))
                .willReturn(okJson(pullRequest(12, "Promote web 1.0.0 → 1.1.0 to staging", "main", "", "DECLINED"))));

        assertThat(bitbucket.description(pr)).isEqualTo("body text");
        bitbucket.comment(pr, "moot since abc");
        bitbucket.close(pr);

        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests/12/comments")));
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests/12/decline")));
    }

    /**
     * A pull request whose version landed on main by hand: the next promotion of the cell reads its {@code summary.raw}
     * (Bitbucket shows HTML comments as text, so the description has no machine-readable block; its last sentence says
     * it is ours), comments naming the commit and declines it; the branch is deleted on the real Git server.
     */
    @Test
    void aPullRequestWhoseVersionLandedByHandIsDeclinedWithACommentAndItsBranchDeleted(@TempDir Path temp) throws Exception {
        support.stubOpenOnceCreated(() -> get(urlEqualTo(LIST)), page("", null), post(urlEqualTo(REPO + "/pullrequests")),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(pr12("")), page(pr12(""), null));
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12")).willReturn(okJson(pr12("").replace("body text",
                PromotionLife.OUR_BITBUCKET_DESCRIPTION))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests/12/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"type\": \"pullrequest_comment\", \"id\": 501}")));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests/12/decline"))
                .willReturn(okJson(pullRequest(12, "Promote web 1.0.0 → 1.1.0 to staging", "main", "", "DECLINED"))));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.BITBUCKET, "/2.0", "acme/config")) {
            PromotionLife.Moot moot = life.landByHand();

            moot.assertClosed("#12");
            api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests/12/comments")).withRequestBody(matchingJsonPath(
                    "$.content.raw", containing("since " + moot.byHand().name()))));
            api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests/12/decline")));
        }
    }

    /**
     * A pull request a person declined, its head ({@code source.commit.hash}, abbreviated to 12 hex digits) where the
     * branch still is: the same version is not proposed again; asked to reopen, it is, in a new pull request.
     */
    @Test
    void aDeclinedPullRequestIsNotProposedAgainUnlessReopened(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(page("", null))));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(pr12(""))));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.BITBUCKET, "/2.0", "acme/config")) {
            PromotionLife.Declined declined = life.declineThenReopen(head -> api.stubFor(get(urlEqualTo(LIST.replace("state=OPEN&",
                    "state=DECLINED&sort=-updated_on&"))).willReturn(okJson(page(pullRequest(12, "Promote web 1.0.0 → 1.1.0 to"
                    + " staging", "main", "", "DECLINED").replace("9f3c2a1b7d4e", head.substring(0, 12)), null)))));

            declined.assertRespectedUntilReopened(PR_URL);
            api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pullrequests")));
        }
    }
}

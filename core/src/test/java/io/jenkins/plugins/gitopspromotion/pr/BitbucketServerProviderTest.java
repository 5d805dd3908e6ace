package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
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
 * Bitbucket Data Center's REST API as documented, played by WireMock. The request and response shapes follow
 * the Bitbucket Data Center REST API reference, group "Pull Requests"
 * (developer.atlassian.com/server/bitbucket/rest/v906/api-group-pull-requests/; also Atlassian's OpenAPI
 * document dac-static.atlassian.com/server/bitbucket/9.2.swagger.v3.json):
 * <ul>
 *   <li>"Get pull requests for repository": {@code GET /api/latest/projects/{projectKey}/repos/{repositorySlug}/pull-requests}
 *       with {@code state}, {@code direction}, {@code at} (a fully-qualified branch) and {@code start}; a page of
 *       {@code values} with {@code isLastPage}, {@code nextPageStart}, {@code start}, {@code size}, {@code limit};</li>
 *   <li>"Create pull request": {@code POST .../pull-requests} with {@code title}, {@code description},
 *       {@code fromRef.id}, {@code toRef.id}; 201, or 409 when "a pull request between the two branches already
 *       exists";</li>
 *   <li>"Get pull request": {@code GET .../pull-requests/{pullRequestId}};</li>
 *   <li>"Update pull request metadata": {@code PUT .../pull-requests/{pullRequestId}} with {@code version},
 *       {@code title}, {@code description}, {@code reviewers[].user.name}; 409 when "the specified version is out
 *       of date";</li>
 *   <li>errors: {@code RestErrors}, {@code {"errors": [{"context", "message", "exceptionName"}]}}, 401 also for
 *       "insufficient permissions".</li>
 * </ul>
 * Authentication: "HTTP access tokens" (confluence.atlassian.com/bitbucketserver/personal-access-tokens-939515499.html),
 * {@code Authorization: Bearer TOKEN}. Rate limiting answers 429: "Improving instance stability with rate limiting"
 * (confluence.atlassian.com/bitbucketserver0720/improving-instance-stability-with-rate-limiting-1116282003.html).
 */
class BitbucketServerProviderTest {

    private static final String API = "/rest/api/latest";
    private static final String PRS = API + "/projects/OPS/repos/config/pull-requests";
    private static final String HEAD = "gitops-promotion/staging/web";
    private static final String OPEN_FROM_HEAD = PRS + "?state=OPEN&direction=OUTGOING&at=refs%2Fheads%2Fgitops-promotion%2Fstaging%2Fweb";
    private static final String URL_12 = "https://bitbucket.example.com/projects/OPS/repos/config/pull-requests/12";
    private static final String REPO = """
            {"slug": "config", "name": "config", "project": {"key": "OPS"}}""";
    private static final String PR_12 = pull(12, "main", "Promote web 1.0.0 → 1.1.0 to staging", """
            [{"user": {"name": "alice", "emailAddress": "alice@example.com", "id": 7, "displayName": "Alice", "active": true,
              "slug": "alice", "type": "NORMAL"}, "role": "REVIEWER", "approved": false, "status": "UNAPPROVED"}]""");

    private ProviderTestSupport support;
    private WireMockServer api;
    private PullRequestProvider bitbucket;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        bitbucket = support.provider(ProviderKind.BITBUCKET_SERVER, API, "OPS/config");
    }

    @AfterEach
    void stop() {
        support.close();
    }

    /** A RestPullRequest as the API returns it, at version 3. */
    private static String pull(long id, String toBranch, String title, String reviewers) {
        return """
                {"id": %d, "version": 3, "title": "%s", "description": "old body", "state": "OPEN", "open": true,
                 "closed": false, "locked": false, "createdDate": 1359075920, "updatedDate": 1359085920,
                 "fromRef": {"id": "refs/heads/gitops-promotion/staging/web", "displayId": "gitops-promotion/staging/web",
                   "type": "BRANCH", "latestCommit": "8d51122def5632836d1cb1026e879069e10a1e13", "repository": %s},
                 "toRef": {"id": "refs/heads/%s", "displayId": "%s", "type": "BRANCH",
                   "latestCommit": "d6edcbf924697ab811a867421dab60d954ccad99", "repository": %s},
                 "author": {"user": {"name": "ci-bot", "slug": "ci-bot", "displayName": "CI", "type": "NORMAL"},
                   "role": "AUTHOR", "approved": false, "status": "UNAPPROVED"},
                 "reviewers": %s, "participants": [],
                 "links": {"self": [{"href": "https://bitbucket.example.com/projects/OPS/repos/config/pull-requests/%d"}]}}"""
                .formatted(id, title, REPO, toBranch, toBranch, REPO, reviewers, id);
    }

    /** A RestApplicationUser as "Get user" answers it. */
    private static String user(String name, String slug, String displayName) {
        return """
                {"name": "%s", "emailAddress": "%s", "active": true, "displayName": "%s", "id": 101, "slug": "%s", "type": "NORMAL",
                 "links": {"self": [{"href": "https://bitbucket.example.com/users/%s"}]}}""".formatted(name, name.contains("@")
                ? name : name + "@example.com", displayName, slug, slug);
    }

    /** A page of pull requests. */
    private static String page(int start, boolean last, String... values) {
        return "{\"size\": %d, \"limit\": 25, \"start\": %d, \"isLastPage\": %s, %s\"values\": [%s]}".formatted(values.length,
                start, last, last ? "" : "\"nextPageStart\": " + (start + 25) + ", ", String.join(", ", values));
    }

    /** An error answer: RestErrors. */
    private static ResponseDefinitionBuilder errors(int status, String context, String message, String exceptionName) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errors\": [{\"context\": %s, \"message\": \"%s\", \"exceptionName\": %s}]}".formatted(
                        context == null ? "null" : "\"" + context + "\"", message,
                        exceptionName == null ? "null" : "\"" + exceptionName + "\""));
    }

    private static PullRequestDraft draft(String version, List<String> reviewers, boolean autoMerge) {
        return new PullRequestDraft(HEAD, "main", "Promote web 1.0.0 → " + version + " to staging", "body " + version,
                List.of("promotion"), reviewers, autoMerge);
    }

    @Test
    void findsTheOpenPullRequestOfTheBranchAcrossPages() throws Exception {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .willReturn(okJson(page(0, false, pull(9, "release/1.x", "same branch, other target", "[]")))));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD + "&start=25")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(page(25, true, PR_12))));

        assertThat(bitbucket.findOpen(HEAD, "main")).contains(new PullRequest(12, URL_12, "12"));
        assertThat(bitbucket.findOpen(HEAD, "develop")).isEmpty();
        api.verify(2, getRequestedFor(urlEqualTo(OPEN_FROM_HEAD + "&start=25")));
    }

    @Test
    void opensOnePullRequestThenUpdatesItsTitleAndBodyKeepingVersionAndReviewers() throws Exception {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("pr").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(page(0, true))));
        api.stubFor(post(urlEqualTo(PRS)).inScenario("pr").willSetStateTo("open")
                .withRequestBody(equalToJson("""
                        {"title": "Promote web 1.0.0 → 1.1.0 to staging", "description": "body 1.1.0",
                         "fromRef": {"id": "refs/heads/gitops-promotion/staging/web"}, "toRef": {"id": "refs/heads/main"}}"""))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody(PR_12)));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("pr").whenScenarioStateIs("open")
                .willReturn(okJson(page(0, true, PR_12))));
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(put(urlEqualTo(PRS + "/12")).withRequestBody(equalToJson("""
                        {"version": 3, "title": "Promote web 1.0.0 → 1.2.0 to staging", "description": "body 1.2.0",
                         "reviewers": [{"user": {"name": "alice"}}]}"""))
                .willReturn(okJson(PR_12.replace("\"version\": 3", "\"version\": 4"))));

        PullRequest first = PullRequests.ensure(bitbucket, draft("1.1.0", List.of(), false));
        PullRequest second = PullRequests.ensure(bitbucket, draft("1.2.0", List.of(), false));

        assertThat(first).isEqualTo(new PullRequest(12, URL_12, "12"));
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(PRS)));
        api.verify(1, putRequestedFor(urlEqualTo(PRS + "/12")));
    }

    @Test
    void reviewersAreAddedToThoseAlreadyAskedAndLabelsAreANoOp() throws Exception {
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(put(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(get(urlEqualTo(API + "/users/bob")).willReturn(okJson(user("bob", "bob", "Bob"))));
        PullRequest pr = new PullRequest(12, URL_12, "12");

        // The author (ci-bot) cannot review; alice is asked already; only bob is new.
        bitbucket.requestReviewers(pr, List.of("bob", "Alice", "ci-bot"));
        bitbucket.requestReviewers(pr, List.of("alice"));
        bitbucket.addLabels(pr, List.of("promotion"));

        api.verify(1, putRequestedFor(urlEqualTo(PRS + "/12")).withRequestBody(equalToJson("""
                {"version": 3, "title": "Promote web 1.0.0 → 1.1.0 to staging", "description": "old body",
                 "reviewers": [{"user": {"name": "alice"}}, {"user": {"name": "bob"}}]}""")));
        api.verify(2, getRequestedFor(urlEqualTo(PRS + "/12")));
        assertThat(api.getAllServeEvents()).hasSize(4); // labels sent nothing
    }

    @Test
    void aReviewerGivenBySlugIsSentByUserName() throws Exception {
        // "Get user" (/api/latest/users/{userSlug}): a user name with characters a slug cannot hold has another slug.
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(get(urlEqualTo(API + "/users/john.doe_example.com"))
                .willReturn(okJson(user("John.Doe@example.com", "john.doe_example.com", "John Doe"))));
        api.stubFor(put(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));

        bitbucket.requestReviewers(new PullRequest(12, URL_12, "12"), List.of("john.doe_example.com"));

        api.verify(1, putRequestedFor(urlEqualTo(PRS + "/12")).withRequestBody(equalToJson("""
                {"version": 3, "title": "Promote web 1.0.0 → 1.1.0 to staging", "description": "old body",
                 "reviewers": [{"user": {"name": "alice"}}, {"user": {"name": "John.Doe@example.com"}}]}""")));
    }

    @Test
    void aReviewerWhoseSlugResolvesToSomeoneAskedAlreadyChangesNothing() throws Exception {
        String asked = pull(12, "main", "Promote web 1.0.0 → 1.1.0 to staging", "[{\"user\": " + user("John.Doe@example.com",
                "john.doe_example.com", "John Doe") + ", \"role\": \"REVIEWER\", \"approved\": false, \"status\": \"UNAPPROVED\"}]");
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(asked)));

        bitbucket.requestReviewers(new PullRequest(12, URL_12, "12"), List.of("john.doe_example.com", "John.Doe@example.com"));

        api.verify(0, putRequestedFor(urlEqualTo(PRS + "/12")));
    }

    @Test
    void autoMergeIsNotSupportedAndIsRefusedWithoutAnyRequest() {
        assertThat(bitbucket.supportsAutoMerge()).isFalse();
        assertThatThrownBy(() -> bitbucket.enableAutoMerge(new PullRequest(12, URL_12, "12"), draft("1.1.0", List.of(), true)))
                .isInstanceOf(ApiException.class)
                .hasMessage("bitbucket-server cannot merge a pull request by itself; set autoMerge: false for this environment");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfDuplicated() throws Exception {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(page(0, true))));
        api.stubFor(post(urlEqualTo(PRS)).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withStatus(502).withBody("<html><body>502 Bad Gateway</body></html>")));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson(page(0, true, PR_12))));

        assertThat(PullRequests.ensure(bitbucket, draft("1.1.0", List.of(), false)).number()).isEqualTo(12);
        api.verify(1, postRequestedFor(urlEqualTo(PRS)));
        api.verify(2, getRequestedFor(urlEqualTo(OPEN_FROM_HEAD)));
    }

    @Test
    void aCreationRefusedBecauseOneExistsAlreadyFindsThatOne() throws Exception {
        // Another promotion opened it between our look and our POST.
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(page(0, true))));
        api.stubFor(post(urlEqualTo(PRS)).inScenario("race").willSetStateTo("exists").willReturn(errors(409, null,
                "Only one pull request may be open for a given source and target branch",
                "com.atlassian.bitbucket.pull.DuplicatePullRequestException")));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("race").whenScenarioStateIs("exists")
                .willReturn(okJson(page(0, true, PR_12))));

        assertThat(PullRequests.ensure(bitbucket, draft("1.1.0", List.of(), false))).isEqualTo(new PullRequest(12, URL_12, "12"));
        api.verify(1, postRequestedFor(urlEqualTo(PRS)));
    }

    @Test
    void eachErrorClassSaysWhatItMeansAndNeverShowsTheToken() {
        PullRequest pr12 = new PullRequest(12, URL_12, "12");

        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).willReturn(errors(401, null,
                "Authentication failed. Please check your credentials and try again.",
                "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException")));
        assertThatThrownBy(() -> bitbucket.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 401: the token was refused (invalid, expired or revoked): Authentication failed."
                        + " Please check your credentials and try again.")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // Data Center answers 401 for a valid token without the permission, too.
        api.stubFor(post(urlEqualTo(PRS)).willReturn(errors(401, null, "You are not permitted to access this resource",
                "com.atlassian.bitbucket.AuthorisationException")));
        assertThatThrownBy(() -> bitbucket.create(draft("1.1.0", List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("401: the token was refused (invalid, expired or revoked): You are not permitted to access"
                        + " this resource (the token is valid but lacks a permission: it needs Repository write)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(errors(403, null, "Access to this resource is forbidden", null)));
        assertThatThrownBy(() -> bitbucket.update(pr12, draft("1.2.0", List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 403: the token is not allowed to do this: Access to this resource is forbidden")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(get(urlEqualTo(PRS + "/7")).willReturn(errors(404, null, "Pull request 7 does not exist in OPS/config.",
                "com.atlassian.bitbucket.pull.NoSuchPullRequestException")));
        assertThatThrownBy(() -> bitbucket.update(new PullRequest(7, "u", "7"), draft("1.2.0", List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 404: not found: " + api.baseUrl() + PRS + "/7 does not exist or the token cannot"
                        + " see it; check --project and --api-url: Pull request 7 does not exist in OPS/config.")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // Someone edited the pull request between our read and our write: a stale version.
        api.stubFor(get(urlEqualTo(PRS + "/13")).willReturn(okJson(pull(13, "main", "t", "[]"))));
        api.stubFor(put(urlEqualTo(PRS + "/13")).withRequestBody(matchingJsonPath("$.version", equalTo("3")))
                .willReturn(errors(409, null, "You are attempting to modify a pull request based on out-of-date information.",
                        "com.atlassian.bitbucket.pull.PullRequestOutOfDateException")));
        assertThatThrownBy(() -> bitbucket.update(new PullRequest(13, "u", "13"), draft("1.2.0", List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("PUT " + api.baseUrl() + PRS + "/13 answered 409: conflict: You are attempting to modify"
                        + " a pull request based on out-of-date information.");

        api.stubFor(put(urlEqualTo(PRS + "/12")).willReturn(errors(409, null,
                "Errors were found with the reviewers of the pull request: nobody is not a user.",
                "com.atlassian.bitbucket.pull.InvalidPullRequestReviewersException")));
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        assertThatThrownBy(() -> bitbucket.requestReviewers(pr12, List.of("nobody"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("409: conflict: Errors were found with the reviewers of the pull request: nobody is not a user.");

        // A validation error names its field; a body that echoes the token has it masked.
        api.stubFor(post(urlEqualTo(PRS)).willReturn(errors(400, "title", "Please enter a title (sent with Bearer " + TOKEN + ")",
                "com.atlassian.bitbucket.validation.ArgumentValidationException")));
        assertThatThrownBy(() -> bitbucket.create(draft("1.1.0", List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 400: refused: title: Please enter a title (sent with Bearer ****)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOutAsTheServerAsks() throws Exception {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("limits").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("maintenance").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("limits").whenScenarioStateIs("maintenance")
                .willSetStateTo("limited again").willReturn(aResponse().withStatus(503)));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("limits").whenScenarioStateIs("limited again")
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429)));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("limits").whenScenarioStateIs("ok").willReturn(okJson(page(0, true))));
        // 429 means the POST was not processed, so it is sent again.
        api.stubFor(post(urlEqualTo(PRS)).inScenario("create").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        api.stubFor(post(urlEqualTo(PRS)).inScenario("create").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));

        assertThat(bitbucket.findOpen(HEAD, "main")).isEmpty();
        assertThat(bitbucket.create(draft("1.1.0", List.of(), false)).number()).isEqualTo(12);

        // Retry-After, then backoff for the 2nd and 3rd tries (2 s, 4 s), then Retry-After for the POST.
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5));
        api.verify(4, getRequestedFor(urlEqualTo(OPEN_FROM_HEAD)));
        api.verify(2, postRequestedFor(urlEqualTo(PRS)));
    }

    @Test
    void aWaitBeyondTheBoundFailsAndSaysSo() {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        assertThatThrownBy(() -> bitbucket.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("it asks to wait 3600 s more, beyond the 120 s allowed; try again later")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void aProjectThatIsNotKeySlashSlugIsRefused() {
        assertThatThrownBy(() -> support.provider(ProviderKind.BITBUCKET_SERVER, API, "config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bitbucket Data Center names a repository PROJECTKEY/repo-slug, not 'config'");
    }

    @Test
    void personalProjectKeysKeepTheirTilde() throws Exception {
        api.stubFor(get(urlPathEqualTo(API + "/projects/~JDOE/repos/config/pull-requests")).willReturn(okJson(page(0, true))));
        assertThat(support.provider(ProviderKind.BITBUCKET_SERVER, API, "~JDOE/config").findOpen(HEAD, "main")).isEmpty();
        api.verify(1, getRequestedFor(urlMatching(API + "/projects/~JDOE/repos/config/pull-requests\\?.*")));
    }

    @Test
    void twoPromotionsOpenOnePullRequestThenUpdateIt(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("e2e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(page(0, true))));
        api.stubFor(post(urlEqualTo(PRS)).inScenario("e2e").willSetStateTo("open")
                .withRequestBody(matchingJsonPath("$.fromRef.id", equalTo("refs/heads/" + HEAD)))
                .withRequestBody(matchingJsonPath("$.toRef.id", equalTo("refs/heads/main")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.1.0 to staging")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).inScenario("e2e").whenScenarioStateIs("open")
                .willReturn(okJson(page(0, true, PR_12))));
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(put(urlEqualTo(PRS + "/12"))
                .withRequestBody(matchingJsonPath("$.version", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.2.0 to staging")))
                .withRequestBody(matchingJsonPath("$.description", containing("Promotes **web** to **staging**")))
                // Bitbucket shows HTML comments as text: no machine-readable comment in the description.
                .withRequestBody(matchingJsonPath("$.description", notMatching("(?s).*<!--.*")))
                .withRequestBody(matchingJsonPath("$.reviewers[0].user.name", equalTo("alice")))
                .willReturn(okJson(PR_12)));

        List<PromotionResult> results = support.promoteTwice(temp, ProviderKind.BITBUCKET_SERVER, API, "OPS/config");

        assertThat(results).extracting(PromotionResult::status).containsOnly(PromotionResult.Status.PROMOTED);
        assertThat(results).extracting(r -> r.pullRequest().url()).containsOnly(URL_12);
        assertThat(results).extracting(r -> r.pullRequest().number()).containsOnly(12L);
        assertThat(results.get(1).toJson()).contains("\"pullRequest\":{\"url\":\"" + URL_12 + "\",\"number\":12}");
        api.verify(1, postRequestedFor(urlEqualTo(PRS)));
        api.verify(1, putRequestedFor(urlEqualTo(PRS + "/12")));
        assertThat(api.getAllServeEvents()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
            assertThat(e.getRequest().getUrl()).doesNotContain(TOKEN);
        });
        assertThat(api.getAllServeEvents()).as("neither the creation nor the update carries an HTML comment")
                .allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain("<!--"));
    }

    /**
     * "Get pull requests for repository" with {@code state=DECLINED}, {@code direction=OUTGOING}, {@code at} and
     * {@code order=NEWEST}; the head is {@code fromRef.latestCommit}.
     */
    @Test
    void findsThePullRequestsOfTheBranchThatWereDeclined() throws Exception {
        String declined = PR_12.replace("\"state\": \"OPEN\", \"open\": true, \"closed\": false",
                "\"state\": \"DECLINED\", \"open\": false, \"closed\": true");
        api.stubFor(get(urlEqualTo(PRS + "?state=DECLINED&direction=OUTGOING&order=NEWEST&at=refs%2Fheads%2Fgitops-promotion%2Fstaging%2Fweb"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"size\": 1, \"limit\": 25, \"isLastPage\": true, \"start\": 0, \"values\": [" + declined + "]}")));

        assertThat(bitbucket.findClosed(HEAD, "main")).containsExactly(new ClosedPullRequest(new PullRequest(12, URL_12, "12"),
                "8d51122def5632836d1cb1026e879069e10a1e13"));
    }

    /**
     * "Get pull request" for its {@code description} and {@code version}, "Add pull request comment" ({@code POST
     * .../pull-requests/{pullRequestId}/comments} with {@code text}; 201 with the RestComment) and "Decline pull request"
     * ({@code POST .../pull-requests/{pullRequestId}/decline} with {@code version}, as a query parameter and in the
     * RestPullRequestDeclineRequest; 200 with the pull request, 409 when the version is out of date).
     */
    @Test
    void readsTheDescriptionCommentsAndDeclinesAPullRequest() throws Exception {
        PullRequest pr = new PullRequest(12, URL_12, "12");
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(post(urlEqualTo(PRS + "/12/comments")).withRequestBody(equalToJson("{\"text\": \"moot since abc\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id": 1, "version": 0, "text": "moot since abc", "author": {"name": "ci-bot", "slug": "ci-bot"},
                         "createdDate": 1359075920, "updatedDate": 1359075920}""")));
        api.stubFor(post(urlEqualTo(PRS + "/12/decline?version=3")).withRequestBody(equalToJson("{\"version\": 3}"))
                .willReturn(okJson(PR_12.replace("\"state\": \"OPEN\"", "\"state\": \"DECLINED\""))));

        assertThat(bitbucket.description(pr)).isEqualTo("old body");
        bitbucket.comment(pr, "moot since abc");
        bitbucket.close(pr);

        api.verify(1, postRequestedFor(urlEqualTo(PRS + "/12/comments")));
        api.verify(1, postRequestedFor(urlEqualTo(PRS + "/12/decline?version=3")));
    }

    @Test
    void aDeclineOfAPullRequestChangedMeanwhileSaysSo() {
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12)));
        api.stubFor(post(urlEqualTo(PRS + "/12/decline?version=3")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"context": null, "message": "You are attempting to modify a pull request based on\
                         out-of-date information.", "exceptionName":\
                         "com.atlassian.bitbucket.pull.PullRequestOutOfDateException"}]}""")));

        assertThatThrownBy(() -> bitbucket.close(new PullRequest(12, URL_12, "12"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("409: conflict: You are attempting to modify a pull request based on out-of-date information.");
    }

    /**
     * A pull request whose version landed on main by hand: the next promotion of the cell reads its {@code description}
     * and {@code version} ("Get pull request"), comments naming the commit ("Add pull request comment") and declines it
     * at that version ("Decline pull request"); the branch is deleted on the real Git server.
     */
    @Test
    void aPullRequestWhoseVersionLandedByHandIsDeclinedWithACommentAndItsBranchDeleted(@TempDir Path temp) throws Exception {
        support.stubOpenOnceCreated(() -> get(urlEqualTo(OPEN_FROM_HEAD)), page(0, true), post(urlEqualTo(PRS)),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12), page(0, true, PR_12));
        api.stubFor(get(urlEqualTo(PRS + "/12")).willReturn(okJson(PR_12.replace("old body", PromotionLife.OUR_BITBUCKET_DESCRIPTION))));
        api.stubFor(post(urlEqualTo(PRS + "/12/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 1, \"version\": 0, \"text\": \"moot\"}")));
        api.stubFor(post(urlEqualTo(PRS + "/12/decline?version=3")).withRequestBody(equalToJson("{\"version\": 3}"))
                .willReturn(okJson(PR_12.replace("\"state\": \"OPEN\"", "\"state\": \"DECLINED\""))));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.BITBUCKET_SERVER, API, "OPS/config")) {
            PromotionLife.Moot moot = life.landByHand();

            moot.assertClosed("#12");
            api.verify(1, postRequestedFor(urlEqualTo(PRS + "/12/comments")).withRequestBody(matchingJsonPath("$.text",
                    containing("since " + moot.byHand().name()))));
            api.verify(1, postRequestedFor(urlEqualTo(PRS + "/12/decline?version=3")));
        }
    }

    /**
     * A pull request a person declined ("Get pull requests for repository" with {@code state=DECLINED}, its
     * {@code fromRef.latestCommit} where the branch still is) is not proposed again; with reopen it is, in a new one.
     */
    @Test
    void aDeclinedPullRequestIsNotProposedAgainUnlessReopened(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlEqualTo(OPEN_FROM_HEAD)).willReturn(okJson(page(0, true))));
        api.stubFor(post(urlEqualTo(PRS)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(PR_12)));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.BITBUCKET_SERVER, API, "OPS/config")) {
            PromotionLife.Declined declined = life.declineThenReopen(head -> api.stubFor(get(urlEqualTo(PRS + "?state=DECLINED"
                    + "&direction=OUTGOING&order=NEWEST&at=refs%2Fheads%2Fgitops-promotion%2Fstaging%2Fweb")).willReturn(okJson(
                    page(0, true, PR_12.replace("\"state\": \"OPEN\", \"open\": true, \"closed\": false",
                            "\"state\": \"DECLINED\", \"open\": false, \"closed\": true")
                            .replace("8d51122def5632836d1cb1026e879069e10a1e13", head))))));

            declined.assertRespectedUntilReopened(URL_12);
            api.verify(2, postRequestedFor(urlEqualTo(PRS)));
        }
    }
}

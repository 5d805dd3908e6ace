package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.NOW;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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
 * GitLab's REST API v4 as documented, played by WireMock:
 * <ul>
 * <li>"Merge requests API" (docs.gitlab.com/api/merge_requests): List project merge requests
 *     ({@code GET /projects/:id/merge_requests}, {@code state}, {@code source_branch}, {@code target_branch}),
 *     Get single MR, Create MR ({@code POST}, {@code remove_source_branch}), Update MR ({@code PUT},
 *     {@code add_labels}, {@code reviewer_ids}), Merge a merge request ({@code PUT .../merge},
 *     {@code auto_merge}, deprecated {@code merge_when_pipeline_succeeds}; 401, 405, 409, 422 answers);</li>
 * <li>"Users API" (docs.gitlab.com/api/users): List users, {@code username} filter;</li>
 * <li>"REST API" (docs.gitlab.com/api/rest): namespaced path encoding ({@code %2F}), offset pagination
 *     ({@code Link} header, {@code x-next-page}), data validation and error reporting ({@code message} as a
 *     string or an object of field errors);</li>
 * <li>"REST API authentication" (docs.gitlab.com/api/rest/authentication): personal, project and group access
 *     tokens with OAuth-compliant headers, {@code Authorization: Bearer}; 401 {@code "401 Unauthorized"};</li>
 * <li>"Troubleshooting the REST API" (docs.gitlab.com/api/rest/troubleshooting): status codes;</li>
 * <li>"User and IP rate limits" (docs.gitlab.com/administration/settings/user_and_ip_rate_limits): the
 *     {@code RateLimit-Remaining}, {@code RateLimit-Reset} (Unix time) and {@code Retry-After} headers.</li>
 * </ul>
 */
class GitLabProviderTest {

    private static final String PROJECT = "/api/v4/projects/acme%2Fplatform%2Fconfig";
    private static final String MRS = PROJECT + "/merge_requests";
    private static final String HEAD = "gitops-promotion/staging/web";
    private static final String FIRST_PAGE = MRS + "?state=opened&source_branch=gitops-promotion%2Fstaging%2Fweb"
            + "&target_branch=main&per_page=100";
    private static final String WEB_URL = "https://gitlab.example.com/acme/platform/config/-/merge_requests/12";
    private static final String MR_12 = mergeRequest("[]");
    /** The merge request's {@code sha}: the head of its source branch. */
    private static final String SHA = "8888888888888888888888888888888888888888";

    private ProviderTestSupport support;
    private WireMockServer api;
    private PullRequestProvider gitlab;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        gitlab = support.provider(ProviderKind.GITLAB, "/api/v4", "acme/platform/config");
    }

    @AfterEach
    void stop() {
        support.close();
    }

    /** A merge request as the API returns it (the fields the docs list, trimmed), with these reviewers. */
    private static String mergeRequest(String reviewers) {
        return """
                {"id": 4711, "iid": 12, "project_id": 3, "title": "Promote web 1.0.0 → 1.1.0 to staging",
                 "description": "body text", "state": "opened", "target_branch": "main",
                 "source_branch": "gitops-promotion/staging/web", "source_project_id": 3, "target_project_id": 3,
                 "author": {"id": 1, "username": "ci-bot", "name": "CI", "state": "active"},
                 "reviewers": %s, "labels": [], "draft": false, "merge_when_pipeline_succeeds": false,
                 "detailed_merge_status": "mergeable", "sha": "8888888888888888888888888888888888888888",
                 "should_remove_source_branch": null, "force_remove_source_branch": true,
                 "web_url": "%s",
                 "references": {"short": "!12", "relative": "!12", "full": "acme/platform/config!12"}}"""
                .formatted(reviewers, WEB_URL);
    }

    private static String user(long id, String username) {
        return "{\"id\": " + id + ", \"username\": \"" + username + "\", \"name\": \"" + username + "\", \"state\": \"active\","
                + " \"web_url\": \"https://gitlab.example.com/" + username + "\"}";
    }

    private static ResponseDefinitionBuilder error(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    private static PullRequestDraft draft(List<String> labels, List<String> reviewers, boolean autoMerge) {
        return new PullRequestDraft(HEAD, "main", "Promote web 1.0.0 → 1.1.0 to staging", "body text", labels, reviewers, autoMerge);
    }

    @Test
    void findsTheOpenMergeRequestOfTheBranchAcrossPagesSkippingForks() throws Exception {
        // Page 1 holds only a fork's merge request from a branch of the same name.
        String fork = MR_12.replace("\"iid\": 12", "\"iid\": 5").replace("\"source_project_id\": 3", "\"source_project_id\": 99");
        String next = api.baseUrl() + MRS + "?id=acme%2Fplatform%2Fconfig&page=2&per_page=100"
                + "&source_branch=gitops-promotion%2Fstaging%2Fweb&state=opened&target_branch=main";
        api.stubFor(get(urlEqualTo(FIRST_PAGE))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("PRIVATE-TOKEN", absent())
                .willReturn(okJson("[" + fork + "]").withHeader("Link", "<" + next + ">; rel=\"next\", <" + next.replace("page=2",
                        "page=1") + ">; rel=\"first\", <" + next + ">; rel=\"last\"")
                        .withHeader("x-next-page", "2").withHeader("x-page", "1").withHeader("x-per-page", "100")
                        .withHeader("x-total", "2").withHeader("x-total-pages", "2")));
        api.stubFor(get(urlEqualTo(next.substring(api.baseUrl().length())))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("[" + MR_12 + "]").withHeader("x-next-page", "").withHeader("x-page", "2")));

        assertThat(gitlab.findOpen(HEAD, "main")).contains(new PullRequest(12, WEB_URL, "4711"));
        api.verify(2, getRequestedFor(urlPathEqualTo(MRS)));
    }

    @Test
    void followsXNextPageWhenTheLinkHeaderIsMissing() throws Exception {
        api.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson("[]").withHeader("x-next-page", "2")));
        api.stubFor(get(urlEqualTo(FIRST_PAGE + "&page=2")).willReturn(okJson("[" + MR_12 + "]").withHeader("x-next-page", "")));

        assertThat(gitlab.findOpen(HEAD, "main")).map(PullRequest::number).contains(12L);
    }

    @Test
    void noOpenMergeRequestIsEmpty() throws Exception {
        api.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson("[]").withHeader("x-next-page", "")));

        assertThat(gitlab.findOpen(HEAD, "main")).isEmpty();
    }

    @Test
    void opensOneMergeRequestThenUpdatesItWithLabelsReviewersAndAutoMerge() throws Exception {
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("mr").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(MRS)).inScenario("mr").willSetStateTo("open")
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"source_branch\": \"" + HEAD + "\", \"target_branch\": \"main\", \"title\":"
                        + " \"Promote web 1.0.0 → 1.1.0 to staging\", \"description\": \"body text\", \"remove_source_branch\": true}"))
                .willReturn(error(201, MR_12)));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("mr").whenScenarioStateIs("open").willReturn(okJson("[" + MR_12 + "]")));
        api.stubFor(put(urlEqualTo(MRS + "/12"))
                .withRequestBody(equalToJson("{\"title\": \"Promote web 1.0.0 → 1.1.0 to staging\", \"description\": \"body text\"}"))
                .willReturn(okJson(MR_12)));
        api.stubFor(put(urlEqualTo(MRS + "/12")).withRequestBody(equalToJson("{\"add_labels\": \"promotion,env::staging\"}"))
                .willReturn(okJson(MR_12)));
        api.stubFor(get(urlEqualTo("/api/v4/users?username=alice")).willReturn(okJson("[" + user(7, "alice") + "]")));
        // bob was asked by hand before; the API replaces reviewer_ids, so he must be kept.
        api.stubFor(get(urlEqualTo(MRS + "/12")).inScenario("reviewers").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(mergeRequest("[" + user(3, "bob") + "]"))));
        api.stubFor(put(urlEqualTo(MRS + "/12")).inScenario("reviewers").willSetStateTo("asked")
                .withRequestBody(equalToJson("{\"reviewer_ids\": [3, 7]}"))
                .willReturn(okJson(mergeRequest("[" + user(3, "bob") + ", " + user(7, "alice") + "]"))));
        api.stubFor(get(urlEqualTo(MRS + "/12")).inScenario("reviewers").whenScenarioStateIs("asked")
                .willReturn(okJson(mergeRequest("[" + user(3, "bob") + ", " + user(7, "alice") + "]"))));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge"))
                .withRequestBody(equalToJson("{\"auto_merge\": true, \"merge_when_pipeline_succeeds\": true, \"sha\": \"" + SHA + "\"}"))
                .willReturn(okJson(MR_12.replace("\"merge_when_pipeline_succeeds\": false", "\"merge_when_pipeline_succeeds\": true"))));

        PullRequestDraft draft = draft(List.of("promotion", "env::staging"), List.of("alice"), true);
        PullRequest first = PullRequests.ensure(gitlab, draft);
        PullRequest second = PullRequests.ensure(gitlab, draft);

        assertThat(gitlab.supportsAutoMerge()).isTrue();
        assertThat(first).isEqualTo(new PullRequest(12, WEB_URL, "4711"));
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(MRS)));
        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12")).withRequestBody(matchingJsonPath("$.title")));
        api.verify(2, putRequestedFor(urlEqualTo(MRS + "/12")).withRequestBody(matchingJsonPath("$.add_labels")));
        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12")).withRequestBody(matchingJsonPath("$.reviewer_ids")));
        api.verify(2, putRequestedFor(urlEqualTo(MRS + "/12/merge")));
        assertThat(api.getAllServeEvents()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
            assertThat(e.getRequest().getUrl()).doesNotContain(TOKEN);
        });
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfDuplicated() throws Exception {
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(MRS)).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withStatus(502).withBody("<html>502 Bad Gateway</html>")));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("lost").whenScenarioStateIs("created").willReturn(okJson("[" + MR_12 + "]")));

        assertThat(PullRequests.ensure(gitlab, draft(List.of(), List.of(), false))).isEqualTo(new PullRequest(12, WEB_URL, "4711"));
        api.verify(1, postRequestedFor(urlEqualTo(MRS)));
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void aConflictOnCreationIsFoundInsteadOfReported() throws Exception {
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("race").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(MRS)).inScenario("race").willSetStateTo("other").willReturn(error(409,
                "{\"message\": [\"Another open merge request already exists for this source branch: !12\"]}")));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("race").whenScenarioStateIs("other").willReturn(okJson("[" + MR_12 + "]")));

        assertThat(PullRequests.ensure(gitlab, draft(List.of(), List.of(), false)).number()).isEqualTo(12);
        api.verify(1, postRequestedFor(urlEqualTo(MRS)));
    }

    @Test
    void eachErrorClassSaysWhatItMeansAndNeverShowsTheToken() {
        PullRequest mr12 = new PullRequest(12, WEB_URL, "4711");

        api.stubFor(get(urlPathEqualTo(MRS)).willReturn(error(401, "{\"message\": \"401 Unauthorized\"}")));
        assertThatThrownBy(() -> gitlab.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 401: the token was refused (invalid, expired or revoked): 401 Unauthorized")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(get(urlEqualTo(MRS + "/12")).willReturn(error(401, "{\"error\": \"invalid_token\", \"error_description\":"
                + " \"Token is expired. You can either do re-authorization or token refresh.\"}")));
        assertThatThrownBy(() -> gitlab.requestReviewers(mr12, List.of()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("401: the token was refused (invalid, expired or revoked): invalid_token: Token is expired.")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(post(urlEqualTo(MRS)).willReturn(error(403, "{\"error\": \"insufficient_scope\", \"error_description\":"
                + " \"The request requires higher privileges than provided by the access token.\", \"scope\": \"api\"}")));
        assertThatThrownBy(() -> gitlab.create(draft(List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("403: the token is not allowed to do this: insufficient_scope: The request requires higher"
                        + " privileges than provided by the access token. (it needs the scope api)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(put(urlEqualTo(MRS + "/12")).withRequestBody(matchingJsonPath("$.add_labels"))
                .willReturn(error(403, "{\"message\": \"403 Forbidden\"}")));
        assertThatThrownBy(() -> gitlab.addLabels(mr12, List.of("promotion"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("403: the token is not allowed to do this: 403 Forbidden")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(put(urlEqualTo(MRS + "/7")).willReturn(error(404, "{\"message\": \"404 Not found\"}")));
        assertThatThrownBy(() -> gitlab.update(new PullRequest(7, "u", "1"), draft(List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("404: not found: " + api.baseUrl() + MRS + "/7 does not exist or the token cannot see it;"
                        + " check --project and --api-url: 404 Not found")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(post(urlEqualTo(MRS)).willReturn(error(409,
                "{\"message\": [\"Another open merge request already exists for this source branch: !12\"]}")));
        assertThatThrownBy(() -> gitlab.create(draft(List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("409: conflict: Another open merge request already exists for this source branch: !12");

        api.stubFor(put(urlEqualTo(MRS + "/12")).withRequestBody(matchingJsonPath("$.title"))
                .willReturn(error(400, "{\"message\": {\"title\": [\"is too long (maximum is 255 characters)\"]}}")));
        assertThatThrownBy(() -> gitlab.update(mr12, draft(List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("400: refused: title is too long (maximum is 255 characters)");

        api.stubFor(get(urlEqualTo(MRS + "/12")).willReturn(okJson(MR_12)));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).willReturn(error(422, "{\"message\": \"Branch cannot be merged\"}")));
        assertThatThrownBy(() -> gitlab.enableAutoMerge(mr12, draft(List.of(), List.of(), true))).isInstanceOf(ApiException.class)
                .hasMessageContaining("422: refused: Branch cannot be merged");

        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).willReturn(error(405, "{\"message\": \"405 Method Not Allowed\"}")));
        assertThatThrownBy(() -> gitlab.enableAutoMerge(mr12, draft(List.of(), List.of(), true))).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("GitLab would not set " + WEB_URL + " to auto-merge: it cannot merge yet")
                .hasMessageContaining("still after 14 s")
                .hasMessageContaining("answered 405").hasMessageContaining("405 Method Not Allowed")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).willReturn(error(401, "{\"message\": \"401 Unauthorized\"}")));
        assertThatThrownBy(() -> gitlab.enableAutoMerge(mr12, draft(List.of(), List.of(), true))).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("GitLab would not set " + WEB_URL + " to auto-merge: the token's user may not merge into main")
                .hasMessageContaining("answered 401").satisfies(ProviderTestSupport::assertTokenNeverShown);
    }

    @Test
    void theMergeSendsTheMergeRequestsShaWhichGitLabMayRequire() throws Exception {
        // lib/api/merge_requests.rb (19.2): with require_sha_for_merge, a merge without sha is a 400.
        api.stubFor(get(urlEqualTo(MRS + "/12")).willReturn(okJson(MR_12)));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).atPriority(9)
                .willReturn(error(400, "{\"message\": \"SHA must be provided when merging\"}")));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).atPriority(1).withRequestBody(matchingJsonPath("$.sha", equalTo(SHA)))
                .willReturn(okJson(MR_12.replace("\"merge_when_pipeline_succeeds\": false", "\"merge_when_pipeline_succeeds\": true"))));

        gitlab.enableAutoMerge(new PullRequest(12, WEB_URL, "4711"), draft(List.of(), List.of(), true));

        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12/merge")).withRequestBody(matchingJsonPath("$.sha", equalTo(SHA))));
    }

    @Test
    void a405BeforeTheMergeabilityCheckRanIsTriedAgainBriefly() throws Exception {
        // Just opened: detailed_merge_status "checking", and the merge endpoint answers 405 until the check ran.
        api.stubFor(get(urlEqualTo(MRS + "/12")).inScenario("check").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(MR_12.replace("\"mergeable\"", "\"checking\""))));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).inScenario("check").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("checked").willReturn(error(405, "{\"message\": \"405 Method Not Allowed\"}")));
        api.stubFor(get(urlEqualTo(MRS + "/12")).inScenario("check").whenScenarioStateIs("checked").willReturn(okJson(MR_12)));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).inScenario("check").whenScenarioStateIs("checked")
                .willReturn(okJson(MR_12.replace("\"merge_when_pipeline_succeeds\": false", "\"merge_when_pipeline_succeeds\": true"))));

        gitlab.enableAutoMerge(new PullRequest(12, WEB_URL, "4711"), draft(List.of(), List.of(), true));

        api.verify(2, putRequestedFor(urlEqualTo(MRS + "/12/merge")));
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aMergeWhoseAnswerWasLostIsNotSentAgainWhenItTookEffect() throws Exception {
        // The first PUT set auto-merge but its answer was lost; sent again, GitLab would answer 405.
        api.stubFor(get(urlEqualTo(MRS + "/12")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(MR_12)));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("set")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(get(urlEqualTo(MRS + "/12")).inScenario("lost").whenScenarioStateIs("set")
                .willReturn(okJson(MR_12.replace("\"merge_when_pipeline_succeeds\": false", "\"merge_when_pipeline_succeeds\": true"))));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).inScenario("lost").whenScenarioStateIs("set")
                .willReturn(error(405, "{\"message\": \"405 Method Not Allowed\"}")));

        gitlab.enableAutoMerge(new PullRequest(12, WEB_URL, "4711"), draft(List.of(), List.of(), true));

        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12/merge")));
    }

    @Test
    void aMergeWhoseAnswerWasLostAndThatDidNotTakeEffectSaysSo() {
        api.stubFor(get(urlEqualTo(MRS + "/12")).willReturn(okJson(MR_12)));
        api.stubFor(put(urlEqualTo(MRS + "/12/merge")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> gitlab.enableAutoMerge(new PullRequest(12, WEB_URL, "4711"), draft(List.of(), List.of(), true)))
                .isInstanceOf(ApiException.class).hasMessageContaining("PUT " + api.baseUrl() + MRS + "/12/merge got no answer");
        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12/merge")));
    }

    @Test
    void whatGitLabCannotDoIsRefusedBeforeAnyChange() {
        PullRequest mr12 = new PullRequest(12, WEB_URL, "4711");
        api.stubFor(get(urlEqualTo("/api/v4/users?username=nobody")).willReturn(okJson("[]")));

        assertThatThrownBy(() -> gitlab.requestReviewers(mr12, List.of("acme/sre"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("GitLab asks users for review, not groups: 'acme/sre'");
        assertThatThrownBy(() -> gitlab.requestReviewers(mr12, List.of("nobody"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("GitLab has no user 'nobody' to ask for review of " + WEB_URL);
        assertThatThrownBy(() -> gitlab.addLabels(mr12, List.of("a,b"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("the label 'a,b' cannot be set");
        assertThatThrownBy(() -> support.provider(ProviderKind.GITLAB, "/api/v4", "config"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group/subgroup/name");
        assertThat(support.provider(ProviderKind.GITLAB, "/api/v4", "/acme/config/").kind()).isEqualTo(ProviderKind.GITLAB);
        api.verify(0, putRequestedFor(urlPathEqualTo(MRS + "/12")));
    }

    @Test
    void aNumericProjectIdIsUsedAsIs() throws Exception {
        api.stubFor(get(urlPathEqualTo("/api/v4/projects/278964/merge_requests")).willReturn(okJson("[" + MR_12 + "]")));

        assertThat(support.provider(ProviderKind.GITLAB, "/api/v4", "278964").findOpen(HEAD, "main")).isPresent();
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOutAsTheServerAsks() throws Exception {
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("limits").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("reset").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withHeader("RateLimit-Remaining", "0").withBody("Retry later\n")));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("limits").whenScenarioStateIs("reset")
                .willSetStateTo("outage").willReturn(error(429, "{\"message\": {\"error\": \"This endpoint has been requested too many"
                        + " times. Try again later.\"}}").withHeader("RateLimit-Limit", "600").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 30))));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("limits").whenScenarioStateIs("outage")
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503).withBody("<html>503</html>")));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("limits").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        assertThat(gitlab.findOpen(HEAD, "main")).isEmpty();

        assertThat(support.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(31), Duration.ofSeconds(4));
        api.verify(4, getRequestedFor(urlPathEqualTo(MRS)));
    }

    @Test
    void aRateLimitThatOutlastsTheTriesSaysSoInGitLabsWords() {
        api.stubFor(get(urlPathEqualTo(MRS)).willReturn(error(429, "{\"message\": {\"error\": \"This endpoint has been requested"
                + " too many times. Try again later.\"}}").withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> gitlab.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 429: rate limited: This endpoint has been requested too many times. Try again later."
                        + " (gave up after 5 tries)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).hasSize(4).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void aWaitBeyondTheBoundFailsAndSaysSo() {
        api.stubFor(get(urlPathEqualTo(MRS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> gitlab.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("it asks to wait 3600 s more, beyond the 120 s allowed; try again later");
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void twoPromotionsOpenOneMergeRequestThenUpdateIt(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("e2e").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(MRS)).inScenario("e2e").willSetStateTo("open")
                .withRequestBody(matchingJsonPath("$.source_branch", equalTo(HEAD)))
                .withRequestBody(matchingJsonPath("$.target_branch", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.1.0 to staging")))
                .withRequestBody(matchingJsonPath("$.remove_source_branch", equalTo("true")))
                .willReturn(error(201, MR_12)));
        api.stubFor(get(urlPathEqualTo(MRS)).inScenario("e2e").whenScenarioStateIs("open").willReturn(okJson("[" + MR_12 + "]")));
        api.stubFor(put(urlEqualTo(MRS + "/12"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.2.0 to staging")))
                .withRequestBody(matchingJsonPath("$.description", containing(
                        "<!-- gitops-promotion:v1 {\"app\":\"web\",\"env\":\"staging\"")))
                .willReturn(okJson(MR_12)));

        List<PromotionResult> results = support.promoteTwice(temp, ProviderKind.GITLAB, "/api/v4", "acme/platform/config");

        assertThat(results).extracting(PromotionResult::status).containsOnly(PromotionResult.Status.PROMOTED);
        assertThat(results).extracting(r -> r.pullRequest().url()).containsOnly(WEB_URL);
        assertThat(results).extracting(r -> r.pullRequest().number()).containsOnly(12L);
        assertThat(results.get(1).toJson()).contains("\"pullRequest\":{\"url\":\"" + WEB_URL + "\",\"number\":12}");
        api.verify(1, postRequestedFor(urlEqualTo(MRS)));
        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12")));
        assertThat(api.getAllServeEvents()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
        });
    }

    /**
     * "List project merge requests" with {@code state=closed} (GitLab's "closed" is closed without merging; a merged one
     * is "merged"), newest update first; {@code sha} is the head the merge request was at.
     */
    @Test
    void findsTheMergeRequestsOfTheBranchClosedWithoutMerging() throws Exception {
        String closed = MR_12.replace("\"state\": \"opened\"", "\"state\": \"closed\"");
        String fork = closed.replace("\"iid\": 12", "\"iid\": 13").replace("\"source_project_id\": 3", "\"source_project_id\": 99");
        api.stubFor(get(urlEqualTo(MRS + "?state=closed&source_branch=gitops-promotion%2Fstaging%2Fweb&target_branch=main"
                + "&order_by=updated_at&sort=desc&per_page=100")).willReturn(okJson("[" + closed + ", " + fork + "]")));

        assertThat(gitlab.findClosed(HEAD, "main")).containsExactly(new ClosedPullRequest(new PullRequest(12, WEB_URL, "4711"), SHA));
    }

    /**
     * "Get single MR" for its {@code description}, "Create new merge request note" ({@code POST
     * /projects/:id/merge_requests/:merge_request_iid/notes} with {@code body}; 201 with the note) and "Update MR" with
     * {@code state_event: close}.
     */
    @Test
    void readsTheDescriptionCommentsAndClosesAMergeRequest() throws Exception {
        PullRequest mr12 = new PullRequest(12, WEB_URL, "4711");
        api.stubFor(get(urlEqualTo(MRS + "/12")).willReturn(okJson(MR_12)));
        api.stubFor(post(urlEqualTo(MRS + "/12/notes")).withRequestBody(equalToJson("{\"body\": \"moot since abc\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id": 302, "body": "moot since abc", "author": {"id": 1, "username": "ci-bot"},
                         "created_at": "2026-11-27T12:00:00.000Z", "system": false, "noteable_id": 4711,
                         "noteable_type": "MergeRequest", "noteable_iid": 12}""")));
        api.stubFor(put(urlEqualTo(MRS + "/12")).withRequestBody(equalToJson("{\"state_event\": \"close\"}"))
                .willReturn(okJson(MR_12.replace("\"state\": \"opened\"", "\"state\": \"closed\""))));

        assertThat(gitlab.description(mr12)).isEqualTo("body text");
        gitlab.comment(mr12, "moot since abc");
        gitlab.close(mr12);

        api.verify(1, postRequestedFor(urlEqualTo(MRS + "/12/notes")));
        api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12")).withRequestBody(equalToJson("{\"state_event\": \"close\"}")));
    }

    /**
     * A merge request whose version landed on main by hand: the next promotion of the cell reads its {@code description}
     * ("Get single MR"), comments naming the commit ("Create new merge request note") and closes it ("Update MR",
     * {@code state_event: close}); the branch is deleted on the real Git server.
     */
    @Test
    void aMergeRequestWhoseVersionLandedByHandIsClosedWithACommentAndItsBranchDeleted(@TempDir Path temp) throws Exception {
        support.stubOpenOnceCreated(() -> get(urlPathEqualTo(MRS)).withQueryParam("state", equalTo("opened")), "[]",
                post(urlEqualTo(MRS)), error(201, MR_12), "[" + MR_12 + "]");
        api.stubFor(get(urlEqualTo(MRS + "/12")).willReturn(okJson(MR_12.replace("body text", PromotionLife.OUR_DESCRIPTION))));
        api.stubFor(post(urlEqualTo(MRS + "/12/notes")).willReturn(error(201, "{\"id\": 302, \"body\": \"moot\","
                + " \"noteable_type\": \"MergeRequest\", \"noteable_iid\": 12}")));
        api.stubFor(put(urlEqualTo(MRS + "/12")).withRequestBody(equalToJson("{\"state_event\": \"close\"}"))
                .willReturn(okJson(MR_12.replace("\"state\": \"opened\"", "\"state\": \"closed\""))));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.GITLAB, "/api/v4", "acme/platform/config")) {
            PromotionLife.Moot moot = life.landByHand();

            moot.assertClosed("#12");
            api.verify(1, postRequestedFor(urlEqualTo(MRS + "/12/notes")).withRequestBody(matchingJsonPath("$.body",
                    containing("since " + moot.byHand().name()))));
            api.verify(1, putRequestedFor(urlEqualTo(MRS + "/12")).withRequestBody(equalToJson("{\"state_event\": \"close\"}")));
        }
    }

    /**
     * A merge request a person closed ("List project merge requests" with {@code state=closed}, its {@code sha} where the
     * branch still is) is not proposed again; with reopen it is, in a new merge request.
     */
    @Test
    void aMergeRequestAPersonClosedIsNotProposedAgainUnlessReopened(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlPathEqualTo(MRS)).withQueryParam("state", equalTo("opened")).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(MRS)).willReturn(error(201, MR_12)));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.GITLAB, "/api/v4", "acme/platform/config")) {
            PromotionLife.Declined declined = life.declineThenReopen(head -> api.stubFor(get(urlEqualTo(MRS + "?state=closed"
                    + "&source_branch=gitops-promotion%2Fstaging%2Fweb&target_branch=main&order_by=updated_at&sort=desc&per_page=100"))
                    .willReturn(okJson("[" + MR_12.replace("\"state\": \"opened\"", "\"state\": \"closed\"").replace(SHA, head)
                            + "]"))));

            declined.assertRespectedUntilReopened(WEB_URL);
            api.verify(2, postRequestedFor(urlEqualTo(MRS)));
        }
    }
}

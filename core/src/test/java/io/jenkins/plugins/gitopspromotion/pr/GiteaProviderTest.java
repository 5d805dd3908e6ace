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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.NOW;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gitea's (and Forgejo's) REST API as documented, played by WireMock:
 * <ul>
 *   <li>"Gitea API" reference, the OpenAPI document served at {@code /api/swagger} (go-gitea/gitea
 *       {@code templates/swagger/v1_json.tmpl}): "List a repo's pull requests" ({@code repoListPullRequests},
 *       {@code GET /repos/{owner}/{repo}/pulls}, {@code state=open}, {@code page}, {@code limit}), "Create a pull
 *       request" ({@code repoCreatePullRequest}, {@code CreatePullRequestOption}: {@code head}, {@code base},
 *       {@code title}, {@code body}; 201, 403, 404, 409, 422), "Update a pull request" ({@code repoEditPullRequest},
 *       {@code PATCH .../pulls/{index}}, {@code EditPullRequestOption}; 201), "Get all of a repository's labels"
 *       ({@code issueListLabels}, {@code GET /repos/{owner}/{repo}/labels}), "Add a label to an issue"
 *       ({@code issueAddLabel}, {@code POST .../issues/{index}/labels}, {@code IssueLabelsOption}: a list of label
 *       ids), "create review requests for a pull request" ({@code repoCreatePullReviewRequests},
 *       {@code POST .../pulls/{index}/requested_reviewers}, {@code PullReviewRequestOptions}: {@code reviewers},
 *       {@code team_reviewers}; 201, 404, 422), "Get a repository" ({@code repoGet}, {@code Repository.default_merge_style}),
 *       "Merge a pull request" ({@code repoMergePullRequest}, {@code POST .../pulls/{index}/merge},
 *       {@code MergePullRequestOption}: {@code Do}, {@code merge_when_checks_succeed}; 200, 404, 405, 409), the
 *       {@code PullRequest}, {@code PRBranchInfo} and {@code Label} definitions, and the {@code error},
 *       {@code forbidden}, {@code validationError} responses ({@code message}, {@code url});</li>
 *   <li>"API Usage" (docs.gitea.com/development/api-usage): {@code Authorization: token ...}, pagination with
 *       {@code page} and {@code limit}, a {@code Link} header with {@code rel="next"}, {@code MAX_RESPONSE_ITEMS} 50;
 *       Forgejo's "API Usage" (forgejo.org/docs/latest/user/api-usage/) documents the same header form;</li>
 *   <li>"OAuth2 provider", section Scopes (docs.gitea.com/development/oauth2-provider): {@code write:repository}
 *       for pull requests, {@code write:issue} for labels;</li>
 *   <li>the messages Gitea's API sends, from its source: 404 {@code {"message": "The target couldn't be found.",
 *       "url", "errors"}}, 403 "token does not have at least one of required scope(s)", 409 "pull request already
 *       exists for these targets", 409 "pull request is already scheduled to auto merge when checks succeed", 422
 *       "poster of pr can't be reviewer". Gitea has no rate-limit headers of its own; a proxy in front may answer 429
 *       or 503 with {@code Retry-After}.</li>
 * </ul>
 */
class GiteaProviderTest {

    private static final String REPO = "/api/v1/repos/acme/config";
    private static final String HEAD = "gitops-promotion/staging/web";
    private static final String LIST = REPO + "/pulls?state=open&page=1&limit=50";
    private static final String LABELS = REPO + "/labels?page=1&limit=50";
    private static final String PR_URL = "https://gitea.example.com/acme/config/pulls/12";
    private static final String SWAGGER = "https://gitea.example.com/api/swagger";
    private static final String PR_12 = pull(12, 3457, HEAD, "main", 5, "Promote web 1.0.0 → 1.1.0 to staging");

    private ProviderTestSupport support;
    private WireMockServer api;
    private PullRequestProvider gitea;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        gitea = support.provider(ProviderKind.GITEA, "/api/v1", "acme/config");
    }

    @AfterEach
    void stop() {
        // The token goes into the Authorization header, in Gitea's form, and nowhere else.
        assertThat(api.getAllServeEvents()).allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("token " + TOKEN);
            assertThat(e.getRequest().getUrl()).doesNotContain(TOKEN);
            assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
        });
        support.close();
    }

    /** A pull request as Gitea returns it (the {@code PullRequest} definition, trimmed of what is empty here). */
    private static String pull(long number, long id, String head, String base, long headRepoId, String title) {
        return """
                {"id": %d, "url": "https://gitea.example.com/acme/config/pulls/%d", "number": %d,
                 "user": {"id": 2, "login": "config-bot", "full_name": "", "email": "config-bot@noreply.gitea.example.com"},
                 "title": "%s", "body": "body text", "labels": [], "milestone": null, "assignee": null, "assignees": null,
                 "requested_reviewers": null, "state": "open", "is_locked": false, "comments": 0,
                 "html_url": "https://gitea.example.com/acme/config/pulls/%d",
                 "diff_url": "https://gitea.example.com/acme/config/pulls/%d.diff",
                 "patch_url": "https://gitea.example.com/acme/config/pulls/%d.patch",
                 "mergeable": true, "merged": false, "merged_at": null, "merge_commit_sha": null, "merged_by": null,
                 "allow_maintainer_edit": false,
                 "base": {"label": "%s", "ref": "%s", "sha": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "repo_id": 5,
                          "repo": {"id": 5, "name": "config", "full_name": "acme/config",
                                   "html_url": "https://gitea.example.com/acme/config"}},
                 "head": {"label": "%s", "ref": "%s", "sha": "9f3c2a1b7d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a", "repo_id": %d,
                          "repo": {"id": %d, "name": "config", "full_name": "%s",
                                   "html_url": "https://gitea.example.com/%s"}},
                 "merge_base": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "due_date": null,
                 "created_at": "2026-11-27T11:00:00Z", "updated_at": "2026-11-27T11:00:00Z", "closed_at": null,
                 "pin_order": 0}"""
                .formatted(id, number, number, title, number, number, number, base, base, head, head, headRepoId, headRepoId,
                        headRepoId == 5 ? "acme/config" : "mallory/config", headRepoId == 5 ? "acme/config" : "mallory/config");
    }

    private static String label(long id, String name) {
        return "{\"id\": " + id + ", \"name\": \"" + name + "\", \"exclusive\": " + name.contains("/") + ", \"is_archived\": false,"
                + " \"color\": \"00aabb\", \"description\": \"\", \"url\": \"https://gitea.example.com/api/v1/repos/acme/config/labels/"
                + id + "\"}";
    }

    /** An error as Gitea's API writes it: {@code message} and {@code url} (404s add {@code errors}). */
    private static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody("{\"message\": \"" + message + "\", \"url\": \"" + SWAGGER + "\"}");
    }

    private static ResponseDefinitionBuilder created(String json) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json;charset=utf-8").withBody(json);
    }

    /** Gitea's pagination headers: the next and last pages (query parameters sorted, as Gitea writes them). */
    private String link(String path, int next, int last) {
        return "<" + api.baseUrl() + path + "?limit=50&page=" + next + "&state=open>; rel=\"next\",<" + api.baseUrl() + path
                + "?limit=50&page=" + last + "&state=open>; rel=\"last\"";
    }

    private static PullRequestDraft draft(String title, String body, List<String> labels, List<String> reviewers, boolean autoMerge) {
        return new PullRequestDraft(HEAD, "main", title, body, labels, reviewers, autoMerge);
    }

    @Test
    void findsTheOpenPullRequestOfTheBranchAcrossPagesIgnoringForks() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("token " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .willReturn(okJson("[" + pull(3, 3401, "renovate/nginx", "main", 5, "Update nginx") + ", "
                        // Same branch name, from a fork: not the promotion's pull request.
                        + pull(9, 3450, HEAD, "main", 77, "Promote web to staging (fork)") + "]")
                        .withHeader("Link", link(REPO + "/pulls", 2, 2)).withHeader("X-Total-Count", "3")));
        api.stubFor(get(urlEqualTo(REPO + "/pulls?limit=50&page=2&state=open")).withHeader("Authorization", equalTo("token " + TOKEN))
                .willReturn(okJson("[" + PR_12 + "]").withHeader("X-Total-Count", "3")));

        assertThat(gitea.findOpen(HEAD, "main")).contains(new PullRequest(12, PR_URL, "3457"));
        api.verify(1, getRequestedFor(urlEqualTo(REPO + "/pulls?limit=50&page=2&state=open")));
    }

    @Test
    void findsNoneWhenNoOpenPullRequestHasTheBranchAndBase() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson("[" + pull(4, 3402, HEAD, "release", 5, "Promote web to release") + "]")));

        assertThat(gitea.findOpen(HEAD, "main")).isEmpty();
        api.verify(1, getRequestedFor(urlPathEqualTo(REPO + "/pulls")));
    }

    @Test
    void opensOnePullRequestThenUpdatesItWithLabelsReviewersAndAutoMerge() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("pr").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("pr").willSetStateTo("open")
                .withRequestBody(equalToJson("{\"title\": \"Promote web 1.0.0 → 1.1.0 to staging\", \"head\": \"" + HEAD
                        + "\", \"base\": \"main\", \"body\": \"body text\"}"))
                .willReturn(created(PR_12)));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("pr").whenScenarioStateIs("open").willReturn(okJson("[" + PR_12 + "]")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12"))
                .withRequestBody(equalToJson("{\"title\": \"Promote web 1.0.0 → 1.2.0 to staging\", \"body\": \"body text, updated\"}"))
                .willReturn(created(pull(12, 3457, HEAD, "main", 5, "Promote web 1.0.0 → 1.2.0 to staging"))));
        api.stubFor(get(urlEqualTo(LABELS)).willReturn(okJson("[" + label(7, "promotion") + ", " + label(9, "env/staging") + ", "
                + label(11, "bug") + "]")));
        api.stubFor(post(urlEqualTo(REPO + "/issues/12/labels")).withRequestBody(equalToJson("{\"labels\": [7, 9]}"))
                .willReturn(okJson("[" + label(7, "promotion") + ", " + label(9, "env/staging") + "]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/requested_reviewers"))
                .withRequestBody(equalToJson("{\"reviewers\": [\"alice\"], \"team_reviewers\": [\"sre\"]}"))
                .willReturn(created("[{\"id\": 81, \"user\": {\"id\": 3, \"login\": \"alice\"}, \"team\": null, \"state\": \"REQUEST_REVIEW\","
                        + " \"body\": \"\", \"commit_id\": \"\", \"official\": false, \"stale\": false, \"dismissed\": false,"
                        + " \"comments_count\": 0, \"html_url\": \"" + PR_URL + "#issuecomment-81\", \"pull_request_url\": \"" + PR_URL
                        + "\"}, {\"id\": 82, \"user\": null, \"team\": {\"id\": 4, \"name\": \"sre\"}, \"state\": \"REQUEST_REVIEW\","
                        + " \"body\": \"\", \"commit_id\": \"\", \"official\": false, \"stale\": false, \"dismissed\": false,"
                        + " \"comments_count\": 0, \"html_url\": \"" + PR_URL + "#issuecomment-82\", \"pull_request_url\": \"" + PR_URL + "\"}]")));
        api.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\": 5, \"name\": \"config\", \"full_name\": \"acme/config\","
                + " \"html_url\": \"https://gitea.example.com/acme/config\", \"default_branch\": \"main\", \"allow_merge_commits\": true,"
                + " \"allow_squash_merge\": true, \"allow_rebase\": false, \"default_merge_style\": \"squash\"}")));
        // The first promotion schedules the merge (201); the second finds it scheduled already (409), which is fine.
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).inScenario("merge").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("scheduled")
                .withRequestBody(equalToJson("{\"Do\": \"squash\", \"merge_when_checks_succeed\": true}"))
                .willReturn(aResponse().withStatus(201)));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).inScenario("merge").whenScenarioStateIs("scheduled")
                .withRequestBody(equalToJson("{\"Do\": \"squash\", \"merge_when_checks_succeed\": true}"))
                .willReturn(error(409, "pull request is already scheduled to auto merge when checks succeed [pull_id: 3457]")));

        assertThat(gitea.supportsAutoMerge()).isTrue();
        List<String> labels = List.of("promotion", "env/staging");
        List<String> reviewers = List.of("alice", "acme/sre");
        PullRequest first = PullRequests.ensure(gitea, draft("Promote web 1.0.0 → 1.1.0 to staging", "body text", labels, reviewers, true));
        PullRequest second = PullRequests.ensure(gitea, draft("Promote web 1.0.0 → 1.2.0 to staging", "body text, updated", labels,
                reviewers, true));

        assertThat(first).isEqualTo(new PullRequest(12, PR_URL, "3457"));
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/issues/12/labels")));
        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pulls/12/requested_reviewers")));
        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pulls/12/merge")));
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void labelsAreLookedUpByNameAcrossPagesAndAMissingOneIsNamed() throws Exception {
        api.stubFor(get(urlEqualTo(LABELS)).willReturn(okJson("[" + label(7, "promotion") + ", " + label(11, "bug") + "]")
                .withHeader("Link", "<" + api.baseUrl() + REPO + "/labels?limit=50&page=2>; rel=\"next\",<" + api.baseUrl() + REPO
                        + "/labels?limit=50&page=2>; rel=\"last\"")));
        api.stubFor(get(urlEqualTo(REPO + "/labels?limit=50&page=2")).willReturn(okJson("[" + label(9, "env/staging") + "]")));
        api.stubFor(post(urlEqualTo(REPO + "/issues/12/labels")).withRequestBody(equalToJson("{\"labels\": [9, 7]}"))
                .willReturn(okJson("[" + label(7, "promotion") + ", " + label(9, "env/staging") + "]")));
        PullRequest pr = new PullRequest(12, PR_URL, "3457");

        gitea.addLabels(pr, List.of("env/staging", "promotion"));

        assertThatThrownBy(() -> gitea.addLabels(pr, List.of("promotion", "urgent", "Bug")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Gitea repository acme/config has no label 'urgent', 'Bug'; create it there (Issues → Labels) or remove it"
                        + " from the environment's labels");
        // Nothing was added for the list with missing labels.
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/issues/12/labels")));
    }

    @Test
    void teamsOfAnotherOrganizationAreRefusedBeforeAskingGitea() {
        assertThatThrownBy(() -> gitea.requestReviewers(new PullRequest(12, PR_URL, "3457"), List.of("alice", "other-org/sre")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Gitea can ask only teams of acme, the repository's owner, not 'other-org/sre'; write it acme/TEAM or list"
                        + " its members");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void autoMergeUsesTheMergeStyleWhenTheRepositoryNamesNoneAndPassesOnGiteasRefusals() {
        // An older Gitea without default_merge_style: the plain merge, which every Gitea knows.
        api.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\": 5, \"name\": \"config\", \"full_name\": \"acme/config\"}")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).inScenario("refused").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("conflict")
                .withRequestBody(equalToJson("{\"Do\": \"merge\", \"merge_when_checks_succeed\": true}"))
                .willReturn(error(405, "User not allowed to merge PR")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).inScenario("refused").whenScenarioStateIs("conflict")
                .willReturn(error(409, "merge push out of date")));
        PullRequest pr = new PullRequest(12, PR_URL, "3457");
        PullRequestDraft draft = draft("t", "b", List.of(), List.of(), true);

        assertThatThrownBy(() -> gitea.enableAutoMerge(pr, draft)).isInstanceOf(ApiException.class)
                .hasMessageContaining("Gitea API POST " + api.baseUrl() + REPO + "/pulls/12/merge answered 405: unexpected answer:"
                        + " User not allowed to merge PR")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).isEmpty();
        // A 409 other than "already scheduled" is a real failure.
        assertThatThrownBy(() -> gitea.enableAutoMerge(pr, draft)).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 409: conflict: merge push out of date");
    }

    @Test
    void autoMergeWhileThePullRequestIsBeingCheckedIsTriedAgainBriefly() throws Exception {
        // routers/api/v1/repo/pull.go MergePullRequest: ErrNotMergeableState (still checking) is 405 "Please try again later".
        api.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\": 5, \"full_name\": \"acme/config\", \"default_merge_style\": \"merge\"}")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).inScenario("checking").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("checked").willReturn(error(405, "Please try again later")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).inScenario("checking").whenScenarioStateIs("checked")
                .withRequestBody(equalToJson("{\"Do\": \"merge\", \"merge_when_checks_succeed\": true}"))
                .willReturn(aResponse().withStatus(201)));

        gitea.enableAutoMerge(new PullRequest(12, PR_URL, "3457"), draft("t", "b", List.of(), List.of(), true));

        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pulls/12/merge")));
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aPullRequestThatStaysUncheckableIsReportedAfterTheShortRetries() {
        api.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\": 5, \"full_name\": \"acme/config\", \"default_merge_style\": \"merge\"}")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/merge")).willReturn(error(405, "Please try again later")));

        assertThatThrownBy(() -> gitea.enableAutoMerge(new PullRequest(12, PR_URL, "3457"), draft("t", "b", List.of(), List.of(), true)))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Gitea was still checking " + PR_URL + " after 14 s, or it has conflicts")
                .hasMessageContaining("answered 405");
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        api.verify(4, postRequestedFor(urlEqualTo(REPO + "/pulls/12/merge")));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfDuplicated() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withStatus(502).withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("lost").whenScenarioStateIs("created").willReturn(okJson("[" + PR_12 + "]")));

        assertThat(PullRequests.ensure(gitea, draft("Promote web 1.0.0 → 1.1.0 to staging", "body text", List.of(), List.of(), false)))
                .isEqualTo(new PullRequest(12, PR_URL, "3457"));
        // A POST that may have taken effect is never repeated.
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void aCreationRefusedBecauseAnotherRunOpenedItMeanwhileFindsThatOne() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("race").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("race").willSetStateTo("opened elsewhere")
                .willReturn(error(409, "pull request already exists for these targets [id: 12, issue_id: 3457, head_repo_id: 5,"
                        + " base_repo_id: 5, head_branch: " + HEAD + ", base_branch: main]")));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("race").whenScenarioStateIs("opened elsewhere").willReturn(okJson("[" + PR_12 + "]")));

        assertThat(PullRequests.ensure(gitea, draft("Promote web 1.0.0 → 1.1.0 to staging", "body text", List.of(), List.of(), false)))
                .isEqualTo(new PullRequest(12, PR_URL, "3457"));
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
    }

    @Test
    void eachErrorClassSaysWhatItMeansAndNeverShowsTheToken() {
        // 401: the token is unknown (wrong, expired or deleted); Gitea then treats the call as anonymous.
        api.stubFor(get(urlEqualTo(LIST)).willReturn(error(401, "token is required")));
        assertThatThrownBy(() -> gitea.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessage("Gitea API GET " + api.baseUrl() + LIST + " answered 401: the token was refused (invalid, expired or revoked):"
                        + " token is required")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 403: a scoped token without write:repository.
        api.stubFor(post(urlEqualTo(REPO + "/pulls"))
                .willReturn(error(403, "token does not have at least one of required scope(s): [write:repository]")));
        assertThatThrownBy(() -> gitea.create(draft("t", "b", List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("POST " + api.baseUrl() + REPO + "/pulls answered 403: the token is not allowed to do this: token"
                        + " does not have at least one of required scope(s): [write:repository]")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 404: with the URL tried, and Gitea's message and errors.
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/7")).willReturn(aResponse().withStatus(404).withHeader("Content-Type",
                "application/json;charset=utf-8").withBody("{\"message\": \"The target couldn't be found.\", \"url\": \"" + SWAGGER + "\","
                        + " \"errors\": [\"pull request does not exist [id: 0, issue_id: 0, head_repo_id: 0, base_repo_id: 5,"
                        + " head_branch: , base_branch: ]\"]}")));
        assertThatThrownBy(() -> gitea.update(new PullRequest(7, "u", "7"), draft("t", "b", List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("PATCH " + api.baseUrl() + REPO + "/pulls/7 answered 404: not found: " + api.baseUrl() + REPO
                        + "/pulls/7 does not exist or the token cannot see it; check --project and --api-url: The target couldn't be"
                        + " found.; pull request does not exist [id: 0")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 404 for an unknown reviewer: Gitea names the user in the message.
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/requested_reviewers")).inScenario("reviewers").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("poster").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody("{\"message\": \"User 'bob' not exist\", \"url\": \"" + SWAGGER + "\", \"errors\": null}")));
        assertThatThrownBy(() -> gitea.requestReviewers(new PullRequest(12, PR_URL, "3457"), List.of("bob")))
                .isInstanceOf(ApiException.class)
                .hasMessageEndingWith("check --project and --api-url: User 'bob' not exist");

        // 422: Gitea's own reason, here asking the pull request's author (the token's user) to review it.
        api.stubFor(post(urlEqualTo(REPO + "/pulls/12/requested_reviewers")).inScenario("reviewers").whenScenarioStateIs("poster")
                .willReturn(error(422, "poster of pr can't be reviewer [user_id: 2, repo_id: 5]")));
        assertThatThrownBy(() -> gitea.requestReviewers(new PullRequest(12, PR_URL, "3457"), List.of("config-bot")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("requested_reviewers answered 422: refused: poster of pr can't be reviewer [user_id: 2, repo_id: 5]")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        // 409 on create, with Gitea's message (PullRequests.ensure looks again before reporting it).
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).willReturn(error(409, "pull request already exists for these targets [id: 12,"
                + " issue_id: 3457, head_repo_id: 5, base_repo_id: 5, head_branch: " + HEAD + ", base_branch: main]")));
        assertThatThrownBy(() -> gitea.create(draft("t", "b", List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 409: conflict: pull request already exists for these targets [id: 12");

        // A body that echoes the token (as a misconfigured proxy might) is shown without it.
        api.stubFor(get(urlEqualTo(LABELS)).willReturn(error(400, "bad Authorization header: token " + TOKEN)));
        assertThatThrownBy(() -> gitea.addLabels(new PullRequest(12, PR_URL, "3457"), List.of("promotion")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 400: refused: bad Authorization header: token ****")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOutAsTheServerAsks() throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("maintenance")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("Too Many Requests")));
        // Retry-After as an HTTP date, 30 s after the fixed clock.
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs("maintenance").willSetStateTo("failing")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atZone(ZoneOffset.UTC)))));
        // A 500 on a GET is tried again after a backoff (the third try waits 4 s).
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs("failing").willSetStateTo("ok")
                .willReturn(error(500, "GetUnmergedPullRequest: context deadline exceeded")));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("limits").whenScenarioStateIs("ok").willReturn(okJson("[" + PR_12 + "]")));

        assertThat(gitea.findOpen(HEAD, "main")).contains(new PullRequest(12, PR_URL, "3457"));

        assertThat(support.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(31), Duration.ofSeconds(4));
        api.verify(4, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aRateLimitedCreationIsTriedAgainSinceItWasNotProcessed() throws Exception {
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("busy").whenScenarioStateIs("ok").willReturn(created(PR_12)));

        assertThat(gitea.create(draft("Promote web 1.0.0 → 1.1.0 to staging", "body text", List.of(), List.of(), false)).number())
                .isEqualTo(12);
        assertThat(support.waits()).containsExactly(Duration.ofSeconds(5));
        api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pulls")));
    }

    @Test
    void aWaitBeyondTheBoundFailsAndSaysSo() {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> gitea.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 429; it asks to wait 3600 s more, beyond the 120 s allowed; try again later")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void aProjectThatIsNotOwnerSlashRepoIsRefused() {
        assertThatThrownBy(() -> support.provider(ProviderKind.GITEA, "/api/v1", "acme/team/config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gitea names a repository owner/repo, not 'acme/team/config'");
        assertThat(gitea.kind()).isEqualTo(ProviderKind.GITEA);
    }

    @Test
    void twoPromotionsOpenOnePullRequestThenUpdateIt(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).inScenario("e2e").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("e2e").willSetStateTo("open")
                .withHeader("Authorization", equalTo("token " + TOKEN))
                .withRequestBody(matchingJsonPath("$.head", equalTo(HEAD)))
                .withRequestBody(matchingJsonPath("$.base", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.1.0 to staging")))
                .willReturn(created(PR_12)));
        api.stubFor(get(urlEqualTo(LIST)).inScenario("e2e").whenScenarioStateIs("open").willReturn(okJson("[" + PR_12 + "]")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12"))
                .withHeader("Authorization", equalTo("token " + TOKEN))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.2.0 to staging")))
                .withRequestBody(matchingJsonPath("$.body", containing("<!-- gitops-promotion:v1 {\"app\":\"web\",\"env\":\"staging\"")))
                .willReturn(created(pull(12, 3457, HEAD, "main", 5, "Promote web 1.0.0 → 1.2.0 to staging"))));

        List<PromotionResult> results = support.promoteTwice(temp, ProviderKind.GITEA, "/api/v1", "acme/config");

        assertThat(results).extracting(PromotionResult::status).containsOnly(PromotionResult.Status.PROMOTED);
        assertThat(results).extracting(r -> r.pullRequest().url()).containsOnly(PR_URL);
        assertThat(results).extracting(r -> r.pullRequest().number()).containsOnly(12L);
        assertThat(results.get(1).toJson()).contains("\"pullRequest\":{\"url\":\"" + PR_URL + "\",\"number\":12}");
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
    }

    /**
     * "List a repo's pull requests" with {@code state=closed} and {@code sort=recentupdate}: those with {@code merged}
     * false were closed without merging; {@code head.sha} is where the branch was. A fork's is someone else's.
     */
    @Test
    void findsThePullRequestsOfTheBranchClosedWithoutMerging() throws Exception {
        String closed = PR_12.replace("\"state\": \"open\"", "\"state\": \"closed\"");
        String merged = pull(9, 3400, HEAD, "main", 5, "Promote web 0.9.0 → 1.0.0 to staging").replace("\"state\": \"open\"",
                "\"state\": \"closed\"").replace("\"merged\": false", "\"merged\": true");
        String fork = pull(13, 3458, HEAD, "main", 6, "Promote web").replace("\"state\": \"open\"", "\"state\": \"closed\"");
        api.stubFor(get(urlEqualTo(REPO + "/pulls?state=closed&sort=recentupdate&page=1&limit=50"))
                .willReturn(okJson("[" + closed + ", " + merged + ", " + fork + "]")));

        assertThat(gitea.findClosed(HEAD, "main")).containsExactly(new ClosedPullRequest(new PullRequest(12, PR_URL, "3457"),
                "9f3c2a1b7d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a"));
    }

    /**
     * "Get a pull request" ({@code repoGetPullRequest}) for its {@code body}, "Add a comment to an issue"
     * ({@code issueCreateComment}, {@code POST /repos/{owner}/{repo}/issues/{index}/comments}, CreateIssueCommentOption
     * {@code body}; 201 with the Comment) and "Update a pull request" ({@code repoEditPullRequest}, EditPullRequestOption
     * {@code state: closed}; 201).
     */
    @Test
    void readsTheDescriptionCommentsAndClosesAPullRequest() throws Exception {
        PullRequest pr = new PullRequest(12, PR_URL, "3457");
        api.stubFor(get(urlEqualTo(REPO + "/pulls/12")).willReturn(okJson(PR_12)));
        api.stubFor(post(urlEqualTo(REPO + "/issues/12/comments")).withRequestBody(equalToJson("{\"body\": \"moot since abc\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id": 77, "html_url": "https://gitea.example.com/acme/config/pulls/12#issuecomment-77",
                         "pull_request_url": "https://gitea.example.com/acme/config/pulls/12", "issue_url": "",
                         "user": {"id": 2, "login": "config-bot"}, "body": "moot since abc",
                         "created_at": "2026-11-27T12:00:00Z", "updated_at": "2026-11-27T12:00:00Z"}""")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(PR_12.replace("\"state\": \"open\"", "\"state\": \"closed\""))));

        assertThat(gitea.description(pr)).isEqualTo("body text");
        gitea.comment(pr, "moot since abc");
        gitea.close(pr);

        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/issues/12/comments")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}")));
    }

    /**
     * A pull request whose version landed on main by hand: the next promotion of the cell reads its {@code body} ("Get a
     * pull request"), comments naming the commit ("Add a comment to an issue") and closes it ("Update a pull request",
     * {@code state: closed}); the branch is deleted on the real Git server.
     */
    @Test
    void aPullRequestWhoseVersionLandedByHandIsClosedWithACommentAndItsBranchDeleted(@TempDir Path temp) throws Exception {
        support.stubOpenOnceCreated(() -> get(urlEqualTo(LIST)), "[]", post(urlEqualTo(REPO + "/pulls")), created(PR_12),
                "[" + PR_12 + "]");
        api.stubFor(get(urlEqualTo(REPO + "/pulls/12")).willReturn(okJson(PR_12.replace("body text", PromotionLife.OUR_DESCRIPTION))));
        api.stubFor(post(urlEqualTo(REPO + "/issues/12/comments")).willReturn(created("{\"id\": 77, \"body\": \"moot\"}")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}"))
                .willReturn(created(PR_12.replace("\"state\": \"open\"", "\"state\": \"closed\""))));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.GITEA, "/api/v1", "acme/config")) {
            PromotionLife.Moot moot = life.landByHand();

            moot.assertClosed("#12");
            api.verify(1, postRequestedFor(urlEqualTo(REPO + "/issues/12/comments")).withRequestBody(matchingJsonPath("$.body",
                    containing("since " + moot.byHand().name()))));
            api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}")));
        }
    }

    /**
     * A pull request a person closed ("List a repo's pull requests" with {@code state=closed}, {@code merged} false, its
     * {@code head.sha} where the branch still is) is not proposed again; with reopen it is, in a new pull request.
     */
    @Test
    void aPullRequestAPersonClosedIsNotProposedAgainUnlessReopened(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).willReturn(created(PR_12)));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.GITEA, "/api/v1", "acme/config")) {
            PromotionLife.Declined declined = life.declineThenReopen(head -> api.stubFor(get(urlEqualTo(REPO
                    + "/pulls?state=closed&sort=recentupdate&page=1&limit=50")).willReturn(okJson("[" + PR_12.replace(
                    "\"state\": \"open\"", "\"state\": \"closed\"").replace("9f3c2a1b7d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a", head) + "]"))));

            declined.assertRespectedUntilReopened(PR_URL);
            api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pulls")));
        }
    }
}

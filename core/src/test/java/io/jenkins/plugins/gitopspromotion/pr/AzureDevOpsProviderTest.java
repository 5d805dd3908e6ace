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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Azure DevOps Services REST API, version 7.1, as documented on learn.microsoft.com, played by WireMock:
 * <ul>
 *   <li>"Pull Requests - Get Pull Requests" (rest/api/azure/devops/git/pull-requests/get-pull-requests):
 *       {@code GET /{organization}/{project}/_apis/git/repositories/{repositoryId}/pullrequests} with
 *       {@code searchCriteria.sourceRefName}, {@code searchCriteria.targetRefName}, {@code searchCriteria.status},
 *       {@code $top} and {@code $skip} ("to retrieve results 101-150, set top to 50 and skip to 100"); the answer is
 *       {@code {"value": [GitPullRequest], "count"}};</li>
 *   <li>"Pull Requests - Create" (.../pull-requests/create): {@code POST .../pullrequests} with {@code sourceRefName},
 *       {@code targetRefName}, {@code title}, {@code description};</li>
 *   <li>"Pull Requests - Update" (.../pull-requests/update): {@code PATCH .../pullrequests/{pullRequestId}}; title,
 *       description (up to 4000 characters), {@code completionOptions} and {@code autoCompleteSetBy.id} may be
 *       updated;</li>
 *   <li>"Pull Requests - Get Pull Request" (.../pull-requests/get-pull-request): {@code GET .../pullrequests/{id}},
 *       whose {@code createdBy.id} sets auto-complete;</li>
 *   <li>"GitPullRequestCompletionOptions" (javascript/api/azure-devops-extension-api/gitpullrequestcompletionoptions):
 *       {@code mergeStrategy} (squash), {@code deleteSourceBranch};</li>
 *   <li>"Pull Request Labels - List" and "Pull Request Labels - Create" (.../git/pull-request-labels/list, /create):
 *       {@code GET}/{@code POST .../pullRequests/{pullRequestId}/labels}, body {@code {"name"}} (WebApiCreateTagRequestData),
 *       answer a WebApiTagDefinition;</li>
 *   <li>"Pull Request Reviewers - List" and "Pull Request Reviewers - Create Pull Request Reviewer"
 *       (.../git/pull-request-reviewers/list, /create-pull-request-reviewer): {@code GET .../pullRequests/{id}/reviewers}
 *       and {@code PUT .../pullRequests/{id}/reviewers/{reviewerId}} with an IdentityRefWithVote ({@code vote}: 0 is no
 *       vote);</li>
 *   <li>"Use personal access tokens" and "REST API samples for Azure DevOps" (azure/devops/integrate/get-started/rest/samples):
 *       {@code Authorization: Basic} of base64 {@code ":" + PAT} (empty user name);</li>
 *   <li>"Rate limits" (azure/devops/integrate/concepts/rate-limits): 429 with "TF400733: The request has been canceled",
 *       {@code Retry-After}, {@code X-RateLimit-Resource}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}
 *       (Unix epoch time);</li>
 *   <li>"REST API versioning" (azure/devops/integrate/concepts/rest-api-versioning): {@code api-version} on every request.</li>
 * </ul>
 * Error bodies are Azure's {@code {"$id", "innerException", "message", "typeName", "typeKey", "errorCode", "eventId"}}.
 */
class AzureDevOpsProviderTest {

    private static final String PROJECT = "acme/platform/config";
    private static final String REPO = "/acme/platform/_apis/git/repositories/config";
    private static final String HEAD = "gitops-promotion/staging/web";
    private static final String WEB_URL = "https://dev.azure.com/acme/platform/_git/config/pullrequest/12";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString((":" + TOKEN)
            .getBytes(StandardCharsets.UTF_8));
    private static final String LIST_QUERY = "?searchCriteria.sourceRefName=refs%2Fheads%2Fgitops-promotion%2Fstaging%2Fweb"
            + "&searchCriteria.targetRefName=refs%2Fheads%2Fmain&searchCriteria.status=active&$top=100";
    /** The creator of the pull request: the token's identity. */
    private static final String CREATOR = "d6245f20-2af8-44f4-9451-8107cb2767db";
    private static final String REVIEWER = "19d9411e-9a34-45bb-b985-d24d9d87c0c9";
    private static final String PR_12 = pull(12, HEAD, "active", true);
    /** "Policy Configurations - Get" (git/policy/configurations) for the repository of PR_12, main and the merge strategy type. */
    private static final String POLICIES = "/acme/platform/_apis/git/policy/configurations?repositoryId=3411ebc1-d5aa-464f-9615-0b527bc66719"
            + "&refName=refs%2Fheads%2Fmain&policyType=fa4e907d-c16b-4a4c-9dfa-4916e5d171ab&api-version=7.1";

    private ProviderTestSupport support;
    private WireMockServer api;
    private PullRequestProvider azure;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        azure = support.provider(ProviderKind.AZURE_DEVOPS, "", PROJECT);
    }

    @AfterEach
    void stop() {
        support.close();
    }

    /** A GitPullRequest as the API answers it; the repository's webUrl is left out where {@code webUrl} is false. */
    private static String pull(int id, String head, String status, boolean webUrl) {
        return """
                {"repository": {"id": "3411ebc1-d5aa-464f-9615-0b527bc66719", "name": "config",
                  "url": "https://dev.azure.com/acme/_apis/git/repositories/3411ebc1-d5aa-464f-9615-0b527bc66719",
                  %s"project": {"id": "a7573007-bbb3-4341-b726-0c4148a07853", "name": "platform", "state": "unchanged"}},
                 "pullRequestId": %d, "codeReviewId": %d, "status": "%s",
                 "createdBy": {"id": "%s", "displayName": "Promotion Bot", "uniqueName": "bot@acme.example"},
                 "creationDate": "2026-11-27T11:00:00.000Z", "title": "Promote web 1.0.0 → 1.1.0 to staging",
                 "description": "body text", "sourceRefName": "refs/heads/%s", "targetRefName": "refs/heads/main",
                 "mergeStatus": "succeeded", "isDraft": false,
                 "url": "https://dev.azure.com/acme/_apis/git/repositories/3411ebc1-d5aa-464f-9615-0b527bc66719/pullRequests/%d",
                 "supportsIterations": true}""".formatted(webUrl ? "\"webUrl\": \"https://dev.azure.com/acme/platform/_git/config\", " : "",
                id, id, status, CREATOR, head, id);
    }

    private static String list(String... pulls) {
        return "{\"value\": [" + String.join(", ", pulls) + "], \"count\": " + pulls.length + "}";
    }

    /** An Azure DevOps error answer. */
    private static ResponseDefinitionBuilder error(int status, String message, String typeKey) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"$id\": \"1\", \"innerException\": null, \"message\": \"" + message + "\", \"typeName\":"
                        + " \"Microsoft.TeamFoundation.Git.Server." + typeKey + ", Microsoft.TeamFoundation.Git.Server\","
                        + " \"typeKey\": \"" + typeKey + "\", \"errorCode\": 0, \"eventId\": 3000}");
    }

    private static PullRequestDraft draft(List<String> labels, List<String> reviewers, boolean autoMerge) {
        return new PullRequestDraft(HEAD, "main", "Promote web 1.0.0 → 1.1.0 to staging", "body text", labels, reviewers, autoMerge);
    }

    @Test
    void findsTheActivePullRequestOfTheBranchAcrossPages() throws Exception {
        // A server that ignored the criteria: a full first page of other pull requests, then the branch's.
        String others = IntStream.range(0, AzureDevOpsProvider.PAGE).mapToObj(i -> pull(100 + i, "feature/" + i, "active", true))
                .collect(Collectors.joining(", "));
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests" + LIST_QUERY + "&$skip=0&api-version=7.1"))
                .withHeader("Authorization", equalTo(AUTHORIZATION))
                .withHeader("Accept", equalTo("application/json"))
                .willReturn(okJson(list(others))));
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests" + LIST_QUERY + "&$skip=100&api-version=7.1"))
                .willReturn(okJson(list(PR_12))));

        assertThat(azure.findOpen(HEAD, "main")).contains(new PullRequest(12, WEB_URL, "12"));
        api.verify(2, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void aShortPageIsTheLastAndNothingFoundIsEmpty() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(okJson(list(pull(3, HEAD, "completed", true)))));

        assertThat(azure.findOpen(HEAD, "main")).isEmpty();
        api.verify(1, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void opensOnePullRequestThenUpdatesItWithLabelsReviewersAndAutoComplete() throws Exception {
        String pr = REPO + "/pullrequests/12?api-version=7.1";
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("pr").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(list())));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests?api-version=7.1")).inScenario("pr").willSetStateTo("open")
                .withHeader("Authorization", equalTo(AUTHORIZATION))
                .withRequestBody(equalToJson("{\"sourceRefName\": \"refs/heads/" + HEAD + "\", \"targetRefName\": \"refs/heads/main\","
                        + " \"title\": \"Promote web 1.0.0 → 1.1.0 to staging\", \"description\": \"body text\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("pr").whenScenarioStateIs("open")
                .willReturn(okJson(list(PR_12))));
        api.stubFor(patch(urlEqualTo(pr))
                .withRequestBody(equalToJson("{\"title\": \"Promote web 1.0.0 → 1.1.0 to staging\", \"description\": \"body text\"}"))
                .willReturn(okJson(PR_12)));
        // Labels: none at first; once posted, listed (so the second promotion posts nothing).
        api.stubFor(get(urlEqualTo(REPO + "/pullRequests/12/labels?api-version=7.1")).inScenario("labels")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\": [], \"count\": 0}")));
        api.stubFor(post(urlEqualTo(REPO + "/pullRequests/12/labels?api-version=7.1")).inScenario("labels").willSetStateTo("labelled")
                .withRequestBody(equalToJson("{\"name\": \"promotion\"}"))
                .willReturn(okJson("{\"id\": \"5ab6b6a4-c4a1-4e3b-8a8e-3b9a5b7f0c01\", \"name\": \"promotion\", \"active\": true,"
                        + " \"url\": \"https://dev.azure.com/acme/_apis/git/repositories/config/pullRequests/12/labels/5ab6b6a4\"}")));
        api.stubFor(get(urlEqualTo(REPO + "/pullRequests/12/labels?api-version=7.1")).inScenario("labels")
                .whenScenarioStateIs("labelled").willReturn(okJson("{\"value\": [{\"id\": \"5ab6b6a4-c4a1-4e3b-8a8e-3b9a5b7f0c01\","
                        + " \"name\": \"Promotion\", \"active\": true}], \"count\": 1}")));
        // Reviewers: a group a branch policy added (its vote must stand); ours once added.
        String policyGroup = "{\"id\": \"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d\", \"displayName\": \"[platform]\\\\SRE\","
                + " \"vote\": 10, \"isRequired\": true, \"isContainer\": true}";
        String ours = "{\"id\": \"" + REVIEWER + "\", \"displayName\": \"Johnnie McLeod\", \"vote\": 0}";
        api.stubFor(get(urlEqualTo(REPO + "/pullRequests/12/reviewers?api-version=7.1")).inScenario("reviewers")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\": [" + policyGroup + "], \"count\": 1}")));
        api.stubFor(put(urlEqualTo(REPO + "/pullRequests/12/reviewers/" + REVIEWER + "?api-version=7.1")).inScenario("reviewers")
                .willSetStateTo("asked").withRequestBody(equalToJson("{\"vote\": 0}")).willReturn(okJson(ours)));
        api.stubFor(get(urlEqualTo(REPO + "/pullRequests/12/reviewers?api-version=7.1")).inScenario("reviewers")
                .whenScenarioStateIs("asked").willReturn(okJson("{\"value\": [" + policyGroup + ", " + ours + "], \"count\": 2}")));
        api.stubFor(get(urlEqualTo(pr)).willReturn(okJson(PR_12)));
        api.stubFor(get(urlEqualTo(POLICIES)).willReturn(okJson("{\"count\": 0, \"value\": []}")));
        api.stubFor(patch(urlEqualTo(pr))
                .withRequestBody(equalToJson("{\"autoCompleteSetBy\": {\"id\": \"" + CREATOR + "\"}, \"completionOptions\":"
                        + " {\"mergeStrategy\": \"squash\", \"deleteSourceBranch\": true}}"))
                .willReturn(okJson(PR_12)));

        PullRequestDraft draft = draft(List.of("promotion"), List.of(REVIEWER), true);
        PullRequest first = PullRequests.ensure(azure, draft);
        PullRequest second = PullRequests.ensure(azure, draft);

        assertThat(azure.supportsAutoMerge()).isTrue();
        assertThat(first).isEqualTo(new PullRequest(12, WEB_URL, "12"));
        assertThat(second).isEqualTo(first);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests?api-version=7.1")));
        api.verify(1, patchRequestedFor(urlEqualTo(pr)).withRequestBody(matchingJsonPath("$.title")));
        api.verify(2, patchRequestedFor(urlEqualTo(pr)).withRequestBody(matchingJsonPath("$.autoCompleteSetBy.id", equalTo(CREATOR))));
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullRequests/12/labels?api-version=7.1")));
        api.verify(1, putRequestedFor(urlPathEqualTo(REPO + "/pullRequests/12/reviewers/" + REVIEWER)));
        api.verify(0, putRequestedFor(urlPathEqualTo(REPO + "/pullRequests/12/reviewers/a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d")));
        api.verify(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo(AUTHORIZATION)));
        assertThat(api.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getBodyAsString())
                .doesNotContain(TOKEN).doesNotContain(AUTHORIZATION.substring(6)));
    }

    /** A "Require a merge strategy" policy on main, as "Policy Configurations - Get" lists it, with these settings. */
    private static String mergeStrategyPolicy(String settings) {
        return """
                {"count": 1, "value": [{"createdBy": {"id": "%s", "displayName": "Normal Paulk"},
                  "createdDate": "2026-02-23T12:51:06.935666", "isEnabled": true, "isBlocking": true, "isDeleted": false,
                  "settings": {%s, "scope": [{"refName": "refs/heads/main", "matchKind": "Exact",
                    "repositoryId": "3411ebc1-d5aa-464f-9615-0b527bc66719"}]},
                  "revision": 1, "id": 19, "url": "https://dev.azure.com/acme/_apis/policy/configurations/19",
                  "type": {"id": "fa4e907d-c16b-4a4c-9dfa-4916e5d171ab", "displayName": "Require a merge strategy"}}]}"""
                .formatted(CREATOR, settings);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"allowSquash\": false, \"allowNoFastForward\": true, \"allowRebase\": true, \"allowRebaseMerge\": false | noFastForward",
        "\"allowSquash\": false, \"allowNoFastForward\": false, \"allowRebase\": false, \"allowRebaseMerge\": true | rebaseMerge",
        "\"useSquashMerge\": true | squash",
        "\"useSquashMerge\": false | noFastForward",
    })
    void autoCompleteUsesAMergeStrategyTheBranchPolicyAllows(String settings, String strategy) throws Exception {
        String pr = REPO + "/pullrequests/12?api-version=7.1";
        api.stubFor(get(urlEqualTo(pr)).willReturn(okJson(PR_12)));
        api.stubFor(get(urlEqualTo(POLICIES)).willReturn(okJson(mergeStrategyPolicy(settings))));
        api.stubFor(patch(urlEqualTo(pr)).withRequestBody(matchingJsonPath("$.completionOptions.mergeStrategy", equalTo(strategy)))
                .willReturn(okJson(PR_12)));

        azure.enableAutoMerge(new PullRequest(12, WEB_URL, "12"), draft(List.of(), List.of(), true));

        api.verify(1, patchRequestedFor(urlEqualTo(pr)).withRequestBody(matchingJsonPath("$.completionOptions.mergeStrategy",
                equalTo(strategy))));
    }

    @Test
    void aBranchWhosePolicyAllowsNoStrategyIsReportedBeforeAnyChange() {
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1")).willReturn(okJson(PR_12)));
        api.stubFor(get(urlEqualTo(POLICIES)).willReturn(okJson(mergeStrategyPolicy("\"allowSquash\": false, \"allowRebase\": false"))));

        assertThatThrownBy(() -> azure.enableAutoMerge(new PullRequest(12, WEB_URL, "12"), draft(List.of(), List.of(), true)))
                .isInstanceOf(ApiException.class).hasMessageContaining("the branch policies of main allow no merge strategy");
        api.verify(0, patchRequestedFor(urlPathEqualTo(REPO + "/pullrequests/12")));
    }

    @Test
    void anScpStyleSshUrlWithAnEscapedProjectNameNamesTheProjectOnce() throws Exception {
        // git@ssh.dev.azure.com:v3/ORG/PROJECT/REPO as the web UI's "Clone" shows it for a project with a space.
        ProviderSettings detected = ProviderDetection.detect(RepositoryLocation.parse("git@ssh.dev.azure.com:v3/acme/My%20Project/config"),
                "auto", Optional.empty(), Optional.empty(), ApiToken.of(TOKEN.toCharArray())).orElseThrow();
        PullRequestProvider fromSsh = support.provider(detected.kind(), "", detected.project());
        api.stubFor(get(urlPathEqualTo("/acme/My%20Project/_apis/git/repositories/config/pullrequests")).willReturn(okJson(list())));

        assertThat(fromSsh.findOpen(HEAD, "main")).isEmpty();

        api.verify(1, getRequestedFor(urlPathEqualTo("/acme/My%20Project/_apis/git/repositories/config/pullrequests")));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfDuplicated() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(list())));
        api.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).inScenario("lost").willSetStateTo("created")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson(list(PR_12))));

        assertThat(PullRequests.ensure(azure, draft(List.of(), List.of(), false))).isEqualTo(new PullRequest(12, WEB_URL, "12"));
        api.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
        api.verify(2, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void aPullRequestOpenedMeanwhileIsFoundAfterTheConflict() throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(list())));
        api.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).inScenario("race").willSetStateTo("other")
                .willReturn(error(409, "TF401179: An active pull request for the source and target branch already exists.",
                        "GitPullRequestExistsException")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("race").whenScenarioStateIs("other")
                .willReturn(okJson(list(PR_12))));

        assertThat(PullRequests.ensure(azure, draft(List.of(), List.of(), false)).number()).isEqualTo(12);
        api.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void eachErrorClassSaysWhatItMeansAndNeverShowsTheToken() {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(error(401,
                "TF400813: The user 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' is not authorized to access this resource.",
                "UnauthorizedRequestException")));
        assertThatThrownBy(() -> azure.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 401: the token was refused (invalid, expired or revoked): TF400813: The user"
                        + " 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' is not authorized to access this resource."
                        + " (UnauthorizedRequestException)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).willReturn(error(403,
                "TF401027: You need the Git 'PullRequestContribute' permission to perform this action. Details: identity"
                        + " 'Promotion Bot', scope 'repository'.", "GitNeedsPermissionException")));
        assertThatThrownBy(() -> azure.create(draft(List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 403: the token is not allowed to do this: TF401027: You need the Git"
                        + " 'PullRequestContribute' permission")
                .hasMessageEndingWith("(GitNeedsPermissionException)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(patch(urlPathEqualTo(REPO + "/pullrequests/7")).willReturn(error(404,
                "TF401180: The requested pull request was not found.", "GitPullRequestNotFoundException")));
        assertThatThrownBy(() -> azure.update(new PullRequest(7, "u", "7"), draft(List.of(), List.of(), false)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 404: not found: " + api.baseUrl() + REPO + "/pullrequests/7?api-version=7.1"
                        + " does not exist or the token cannot see it; check --project and --api-url: TF401180: The requested"
                        + " pull request was not found. (GitPullRequestNotFoundException)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(post(urlPathEqualTo(REPO + "/pullrequests")).willReturn(error(409,
                "TF401179: An active pull request for the source and target branch already exists.", "GitPullRequestExistsException")));
        assertThatThrownBy(() -> azure.create(draft(List.of(), List.of(), false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 409: conflict: TF401179: An active pull request for the source and target branch"
                        + " already exists. (GitPullRequestExistsException)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);

        api.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/12/reviewers")).willReturn(okJson("{\"value\": [], \"count\": 0}")));
        api.stubFor(put(urlPathEqualTo(REPO + "/pullRequests/12/reviewers/" + REVIEWER)).willReturn(error(400,
                "Invalid argument value.\\r\\nParameter name: A valid reviewer must be supplied.", "InvalidArgumentValueException")));
        assertThatThrownBy(() -> azure.requestReviewers(new PullRequest(12, WEB_URL, "12"), List.of(REVIEWER)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 400: refused: Invalid argument value. Parameter name: A valid reviewer must be"
                        + " supplied. (InvalidArgumentValueException)")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
    }

    @Test
    void aSignInPageInsteadOfJsonIsARefusedToken() {
        // What Azure DevOps answers some requests with a bad token: 203 and the HTML of its sign-in page.
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(aResponse().withStatus(203)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body></body></html>")));

        assertThatThrownBy(() -> azure.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("Azure DevOps API GET " + api.baseUrl() + REPO + "/pullrequests?")
                .hasMessageContaining("answered 203 with a sign-in page instead of JSON: the token was refused (invalid, expired,"
                        + " revoked, or made for another organization than acme)")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401))
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
    }

    @Test
    void reviewersAreIdentityIdsAndANameIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> azure.requestReviewers(new PullRequest(12, WEB_URL, "12"), List.of(REVIEWER, "alice@acme.example")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Azure DevOps asks reviewers by identity id (a GUID), not by name: 'alice@acme.example'")
                .hasMessageContaining("https://vssps.dev.azure.com/acme/_apis/identities?searchFilter=General"
                        + "&filterValue=alice%40acme.example&api-version=7.1");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOutAsTheServerAsks() throws Exception {
        String blocked = "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource"
                + " 'ATCPU' in namespace 'User'.";
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("limits").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("reset").willReturn(error(429, blocked, "RequestBlockedException")
                        .withHeader("Retry-After", "10").withHeader("X-RateLimit-Resource", "ATCPU")));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("limits").whenScenarioStateIs("reset")
                .willSetStateTo("outage").willReturn(error(429, blocked, "RequestBlockedException")
                        .withHeader("X-RateLimit-Resource", "ATCPU").withHeader("X-RateLimit-Limit", "200")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 30))));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("limits").whenScenarioStateIs("outage")
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("limits").whenScenarioStateIs("ok")
                .willReturn(okJson(list(PR_12))));

        assertThat(azure.findOpen(HEAD, "main")).contains(new PullRequest(12, WEB_URL, "12"));

        assertThat(support.waits()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(31), Duration.ofSeconds(4));
        api.verify(4, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")));
    }

    @Test
    void aWaitBeyondTheBoundFailsAndSaysSo() {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> azure.findOpen(HEAD, "main")).isInstanceOf(ApiException.class)
                .hasMessageContaining("it asks to wait 3600 s more, beyond the 120 s allowed; try again later")
                .satisfies(ProviderTestSupport::assertTokenNeverShown);
        assertThat(support.waits()).isEmpty();
    }

    @Test
    void projectNamesWithSpacesArePathEncodedAndTheWebUrlIsBuiltWhenTheAnswerHasNone() throws Exception {
        PullRequestProvider spaced = support.provider(ProviderKind.AZURE_DEVOPS, "", "acme/Platform Team/config");
        api.stubFor(post(urlEqualTo("/acme/Platform%20Team/_apis/git/repositories/config/pullrequests?api-version=7.1"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(pull(12, HEAD, "active", false))));

        assertThat(spaced.create(draft(List.of(), List.of(), false)))
                .isEqualTo(new PullRequest(12, api.baseUrl() + "/acme/Platform%20Team/_git/config/pullrequest/12", "12"));
    }

    @Test
    void aDescriptionBeyondAzuresLimitIsShortenedKeepingItsTrailingBlock() {
        String block = "<!-- gitops-promotion:v1 {\"app\":\"web\",\"env\":\"staging\"} -->\n";
        String body = "x".repeat(5000) + "\n\n" + block;

        String description = AzureDevOpsProvider.description(body);

        assertThat(description).hasSize(AzureDevOpsProvider.MAX_DESCRIPTION).endsWith(block)
                .contains("… (shortened: Azure DevOps keeps 4000 characters)");
        assertThat(AzureDevOpsProvider.description("short")).isEqualTo("short");
    }

    @Test
    void theProjectMustBeOrganizationProjectRepository() {
        assertThatThrownBy(() -> support.provider(ProviderKind.AZURE_DEVOPS, "", "acme/config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Azure DevOps names a repository organization/project/repository, not 'acme/config'");
    }

    @Test
    void twoPromotionsOpenOnePullRequestThenUpdateIt(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("e2e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(list())));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests?api-version=7.1")).inScenario("e2e").willSetStateTo("open")
                .withRequestBody(matchingJsonPath("$.sourceRefName", equalTo("refs/heads/" + HEAD)))
                .withRequestBody(matchingJsonPath("$.targetRefName", equalTo("refs/heads/main")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.1.0 to staging")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).inScenario("e2e").whenScenarioStateIs("open")
                .willReturn(okJson(list(PR_12))));
        api.stubFor(patch(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Promote web 1.0.0 → 1.2.0 to staging")))
                .withRequestBody(matchingJsonPath("$.description", containing(
                        "<!-- gitops-promotion:v1 {\"app\":\"web\",\"env\":\"staging\"")))
                .willReturn(okJson(PR_12)));

        List<PromotionResult> results = support.promoteTwice(temp, ProviderKind.AZURE_DEVOPS, "", PROJECT);

        assertThat(results).extracting(PromotionResult::status).containsOnly(PromotionResult.Status.PROMOTED);
        assertThat(results).extracting(r -> r.pullRequest().url()).containsOnly(WEB_URL);
        assertThat(results).extracting(r -> r.pullRequest().number()).containsOnly(12L);
        assertThat(results.get(1).toJson()).contains("\"pullRequest\":{\"url\":\"" + WEB_URL + "\",\"number\":12}");
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullrequests?api-version=7.1")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1")));
        assertThat(api.getAllServeEvents()).allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo(AUTHORIZATION);
            assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN).doesNotContain(AUTHORIZATION.substring(6));
        });
    }

    /**
     * "Get Pull Requests" with {@code searchCriteria.status=abandoned}: the head is {@code lastMergeSourceCommit.commitId}
     * (GitCommitRef).
     */
    @Test
    void findsThePullRequestsOfTheBranchThatWereAbandoned() throws Exception {
        String abandoned = pull(12, HEAD, "abandoned", true).replace("\"isDraft\": false,", "\"isDraft\": false,"
                + " \"closedDate\": \"2026-11-27T11:30:00.000Z\", \"lastMergeSourceCommit\": {\"commitId\":"
                + " \"8c9396b5cf22f929767c7172e9dbbe777ddc6357\"},");
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests" + LIST_QUERY.replace("status=active", "status=abandoned")
                .replace("&$skip=0", "") + "&api-version=7.1"))
                .withHeader("Authorization", equalTo(AUTHORIZATION)).willReturn(okJson(list(abandoned))));

        assertThat(azure.findClosed(HEAD, "main")).containsExactly(new ClosedPullRequest(new PullRequest(12, WEB_URL, "12"),
                "8c9396b5cf22f929767c7172e9dbbe777ddc6357"));
    }

    /**
     * "Pull Requests - Get Pull Request" for its whole {@code description}; "Pull Request Threads - Create" (the example
     * "Comment on the pull request": {@code comments[{parentCommentId: 0, content, commentType}]} and {@code status}, here
     * the enum names {@code text} and {@code closed}; 200 with the GitPullRequestCommentThread); "Pull Requests - Update"
     * with {@code status: abandoned}.
     */
    @Test
    void readsTheDescriptionCommentsAndAbandonsAPullRequest() throws Exception {
        PullRequest pr = new PullRequest(12, WEB_URL, "12");
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1")).willReturn(okJson(PR_12)));
        api.stubFor(post(urlEqualTo(REPO + "/pullRequests/12/threads?api-version=7.1")).withRequestBody(equalToJson("""
                {"comments": [{"parentCommentId": 0, "content": "moot since abc", "commentType": "text"}], "status": "closed"}"""))
                .willReturn(okJson("""
                        {"pullRequestThreadContext": null, "id": 147, "publishedDate": "2026-11-27T12:00:00Z",
                         "lastUpdatedDate": "2026-11-27T12:00:00Z", "comments": [{"id": 1, "parentCommentId": 0,
                         "author": {"id": "d6245f20-2af8-44f4-9451-8107cb2767db", "displayName": "Promotion Bot"},
                         "content": "moot since abc", "publishedDate": "2026-11-27T12:00:00Z", "commentType": "text"}],
                         "status": "closed", "threadContext": null, "properties": {}, "isDeleted": false}""")));
        api.stubFor(patch(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1")).withRequestBody(equalToJson("{\"status\": \"abandoned\"}"))
                .willReturn(okJson(pull(12, HEAD, "abandoned", true))));

        assertThat(azure.description(pr)).isEqualTo("body text");
        azure.comment(pr, "moot since abc");
        azure.close(pr);

        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullRequests/12/threads?api-version=7.1")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1"))
                .withRequestBody(equalToJson("{\"status\": \"abandoned\"}")));
    }

    /**
     * A pull request whose version landed on main by hand: the next promotion of the cell reads its {@code description}
     * ("Get Pull Request"), comments naming the commit in a closed thread ("Pull Request Threads - Create") and abandons
     * it ("Pull Requests - Update", {@code status: abandoned}); the branch is deleted on the real Git server.
     */
    @Test
    void aPullRequestWhoseVersionLandedByHandIsAbandonedWithACommentAndItsBranchDeleted(@TempDir Path temp) throws Exception {
        support.stubOpenOnceCreated(() -> get(urlPathEqualTo(REPO + "/pullrequests")), list(),
                post(urlEqualTo(REPO + "/pullrequests?api-version=7.1")),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12), list(PR_12));
        api.stubFor(get(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1")).willReturn(okJson(PR_12.replace("body text",
                PromotionLife.OUR_DESCRIPTION))));
        api.stubFor(post(urlEqualTo(REPO + "/pullRequests/12/threads?api-version=7.1")).willReturn(okJson(
                "{\"id\": 147, \"comments\": [{\"id\": 1, \"parentCommentId\": 0, \"commentType\": \"text\"}], \"status\": \"closed\"}")));
        api.stubFor(patch(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1")).withRequestBody(equalToJson("{\"status\": \"abandoned\"}"))
                .willReturn(okJson(pull(12, HEAD, "abandoned", true))));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.AZURE_DEVOPS, "", PROJECT)) {
            PromotionLife.Moot moot = life.landByHand();

            moot.assertClosed("#12");
            api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pullRequests/12/threads?api-version=7.1")).withRequestBody(
                    matchingJsonPath("$.comments[0].content", containing("since " + moot.byHand().name()))));
            api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pullrequests/12?api-version=7.1"))
                    .withRequestBody(equalToJson("{\"status\": \"abandoned\"}")));
        }
    }

    /**
     * A pull request a person abandoned ("Get Pull Requests" with {@code searchCriteria.status=abandoned}, its
     * {@code lastMergeSourceCommit.commitId} where the branch still is) is not proposed again; with reopen it is.
     */
    @Test
    void anAbandonedPullRequestIsNotProposedAgainUnlessReopened(@TempDir Path temp) throws Exception {
        api.stubFor(get(urlPathEqualTo(REPO + "/pullrequests")).willReturn(okJson(list())));
        api.stubFor(post(urlEqualTo(REPO + "/pullrequests?api-version=7.1")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(PR_12)));

        try (PromotionLife life = PromotionLife.start(temp, support, ProviderKind.AZURE_DEVOPS, "", PROJECT)) {
            PromotionLife.Declined declined = life.declineThenReopen(head -> api.stubFor(get(urlEqualTo(REPO + "/pullrequests"
                    + LIST_QUERY.replace("status=active", "status=abandoned").replace("&$skip=0", "") + "&api-version=7.1"))
                    .willReturn(okJson(list(pull(12, HEAD, "abandoned", true).replace("\"isDraft\": false,", "\"isDraft\": false,"
                            + " \"lastMergeSourceCommit\": {\"commitId\": \"" + head + "\"},"))))));

            declined.assertRespectedUntilReopened(WEB_URL);
            api.verify(2, postRequestedFor(urlEqualTo(REPO + "/pullrequests?api-version=7.1")));
        }
    }
}

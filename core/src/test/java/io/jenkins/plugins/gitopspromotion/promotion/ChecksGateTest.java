package io.jenkins.plugins.gitopspromotion.promotion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks gate against a real Git server and GitHub's REST and GraphQL APIs as documented, played by WireMock:
 * auto-merge of staging's pull request is enabled only once ci/build and lint succeeded on its head.
 */
class ChecksGateTest {

    private static final String REPO = "/repos/acme/config";
    private static final String PR_12 = """
            {"id": 1296269, "node_id": "PR_kwDOABCD1234", "number": 12, "state": "open",
             "html_url": "https://github.com/acme/config/pull/12", "title": "Promote web 1.0.0 → 1.1.0 to staging",
             "head": {"ref": "gitops-promotion/staging/web", "label": "acme:gitops-promotion/staging/web"},
             "base": {"ref": "main", "label": "acme:main"}}""";
    private static final String CONFIG = ConfigRepositoryFixture.CONFIG.replace("    requires: dev\n",
            "    requires: dev\n    autoMerge: true\n    gates:\n      checks: [ci/build, lint]\n");

    @TempDir
    Path temp;

    private GitHttpServer git;
    private ProviderTestSupport support;
    private WireMockServer api;
    private PromotionEngine engine;
    private RepositoryLocation location;

    @BeforeEach
    void start() throws Exception {
        git = GitHttpServer.start(temp.resolve("git"), "ci", "git-password");
        Repository remote = git.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", CONFIG, "staging merges by itself once checked");
        location = RepositoryLocation.parse(git.url("config").toString());
        support = ProviderTestSupport.start();
        api = support.wireMock();
        engine = support.engine(temp.resolve("cache"));
        engine.promote(ProviderTestSupport.request(location, "dev").version(new VersionSource.Given(Optional.of("1.1.0"),
                Optional.empty())).build());
        // docs.github.com/en/rest/pulls/pulls: list (none, then 12), create, update.
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("pr").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[]")));
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).inScenario("pr").willSetStateTo("open")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PR_12)));
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).inScenario("pr").whenScenarioStateIs("open")
                .willReturn(okJson("[" + PR_12 + "]")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/12")).willReturn(okJson(PR_12)));
        // GraphQL: the head and the merge methods allowed, then enablePullRequestAutoMerge.
        api.stubFor(post(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query", containing("headRefOid")))
                .willReturn(okJson("{\"data\": {\"node\": {\"headRefOid\": \"6dcb09b5b57875f334f61aebed695e2e4193db5e\","
                        + " \"repository\": {\"squashMergeAllowed\": true, \"mergeCommitAllowed\": true,"
                        + " \"rebaseMergeAllowed\": true}}}}")));
        api.stubFor(post(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query", containing("enablePullRequestAutoMerge")))
                .willReturn(okJson("{\"data\": {\"enablePullRequestAutoMerge\": {\"pullRequest\": {\"number\": 12}}}}")));
    }

    @AfterEach
    void stop() throws Exception {
        support.close();
        git.close();
    }

    /** docs.github.com/en/rest/commits/statuses#list-commit-statuses-for-a-reference, newest first. */
    private void statuses(String json) {
        api.stubFor(get(urlPathMatching(REPO + "/commits/[0-9a-f]{40}/statuses")).withQueryParam("per_page", equalTo("100"))
                .willReturn(okJson(json)));
    }

    private PromotionResult promoteStaging() throws Exception {
        return engine.promote(ProviderTestSupport.request(location, "staging").version(new VersionSource.FromEnvironment("dev"))
                .pullRequests(support.settings(ProviderKind.GITHUB, "", "acme/config")).build());
    }

    @Test
    void autoMergeWaitsUntilEveryRequiredCheckSucceededOnTheHead() throws Exception {
        statuses("""
                [{"state": "pending", "context": "ci/build", "description": "running", "target_url": "https://ci.example.com/1",
                  "updated_at": "2026-11-27T12:00:00Z"}]""");

        PromotionResult opened = promoteStaging();

        assertThat(opened.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(opened.pullRequest()).isEqualTo(new PromotionResult.PullRequestRef("https://github.com/acme/config/pull/12", 12));
        assertThat(opened.warnings()).containsExactly("auto-merge of the pull request from gitops-promotion/staging/web waits for"
                + " the required checks of staging (gates.checks): ci/build pending, lint missing; promote again once they have"
                + " passed");
        api.verify(0, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query",
                containing("enablePullRequestAutoMerge"))));

        statuses("""
                [{"state": "success", "context": "lint", "description": "", "target_url": "", "updated_at": "2026-11-27T12:05:00Z"},
                 {"state": "success", "context": "ci/build", "description": "", "target_url": "", "updated_at": "2026-11-27T12:04:00Z"},
                 {"state": "pending", "context": "ci/build", "description": "", "target_url": "", "updated_at": "2026-11-27T12:00:00Z"}]""");

        PromotionResult again = promoteStaging();

        assertThat(again.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(again.warnings()).isEmpty();
        api.verify(1, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query",
                containing("enablePullRequestAutoMerge"))));
    }
}

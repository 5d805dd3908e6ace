package io.jenkins.plugins.gitopspromotion.promotion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.gitopspromotion.pr.PromotionLife;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promotion pull request's whole life, against a real Git server (JGit's GitServlet on Jetty) and GitHub's REST API as
 * documented, played by WireMock ("List pull requests", "Create a pull request", "Get a pull request", "Update a pull
 * request", "Create an issue comment"): closed once its version landed by another path, with a comment naming the commit
 * and its branch deleted; closed when overtaken; a pull request a person closed is not proposed again unless asked; a
 * newer version opens a fresh one; a pull request this tool did not open is left alone.
 */
class PullRequestLifeTest {

    private static final String REPO = "/repos/acme/config";
    private static final String BRANCH = PromotionLife.BRANCH;

    @TempDir
    Path temp;

    private ProviderTestSupport support;
    private WireMockServer api;
    private PromotionLife life;
    private Repository remote;

    @BeforeEach
    void start() throws Exception {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        life = PromotionLife.start(temp, support, ProviderKind.GITHUB, "", "acme/config");
        remote = life.remote();
    }

    @AfterEach
    void stop() throws Exception {
        life.close();
        support.close();
    }

    /** Pull request {@code number} of the staging branch as GitHub answers it, with a body this tool wrote or not. */
    private static String pull(int number, String state, String headSha, boolean ours) {
        String body = ours ? PromotionLife.OUR_DESCRIPTION : "hotfix by hand";
        return """
                {"id": %d, "node_id": "PR_%d", "number": %d, "state": "%s", "merged_at": null,
                 "html_url": "https://github.com/acme/config/pull/%d", "title": "Promote web", "body": "%s",
                 "head": {"ref": "gitops-promotion/staging/web", "sha": "%s", "label": "acme:gitops-promotion/staging/web"},
                 "base": {"ref": "main", "label": "acme:main"}}""".formatted(1000 + number, number, number, state, number, body, headSha);
    }

    private void stubOpen(String... pulls) {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).withQueryParam("state", equalTo("open"))
                .willReturn(okJson("[" + String.join(", ", pulls) + "]")));
    }

    private void stubClosed(String... pulls) {
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).withQueryParam("state", equalTo("closed"))
                .willReturn(okJson("[" + String.join(", ", pulls) + "]")));
    }

    private void stubCreate(int number) {
        api.stubFor(post(urlEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(pull(number, "open", "0".repeat(40), true))));
    }

    private void stubCloseWithComment(int number, boolean ours) {
        api.stubFor(get(urlEqualTo(REPO + "/pulls/" + number)).willReturn(okJson(pull(number, "open", "0".repeat(40), ours))));
        api.stubFor(post(urlEqualTo(REPO + "/issues/" + number + "/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 1, \"body\": \"closed\"}")));
        api.stubFor(patch(urlEqualTo(REPO + "/pulls/" + number)).willReturn(okJson(pull(number, "closed", "0".repeat(40), ours))));
    }

    /** dev gets {@code tag} (commit mode), then staging is promoted from dev: its pull request is opened as {@code number}. */
    private PromotionResult proposeToStaging(String tag, int number) throws Exception {
        life.toDev(tag);
        stubOpen();
        stubCreate(number);
        return life.toStaging(false);
    }

    private PullRequestProvider github() {
        return support.provider(ProviderKind.GITHUB, "", "acme/config");
    }

    @Test
    void aPullRequestWhoseVersionLandedByHandIsClosedWithTheCommitNamedAndItsBranchDeleted() throws Exception {
        assertThat(proposeToStaging("1.1.0", 12).pullRequest().number()).isEqualTo(12);
        RevCommit byHand = life.byHandInStaging("1.1.0");
        stubOpen(pull(12, "open", BareRepos.head(remote, BRANCH).name(), true));
        stubCloseWithComment(12, true);

        PromotionResult next = life.toStaging(false);

        assertThat(next.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(next.reason()).isEqualTo("staging already has web 1.1.0");
        assertThat(next.warnings()).containsExactly(PromotionLife.closedLine("#12", byHand, "1.1.0"));
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/issues/12/comments"))
                .withRequestBody(equalToJson("{\"body\": \"gitops-promotion closed this pull request: it is moot. main has web"
                        + " `1.1.0` since " + byHand.name() + " (`Hotfix: web 1.1.0 in staging by hand`).\\n\\nIts branch `" + BRANCH
                        + "` is deleted; a newer promotion of web to staging opens a new pull request into main.\"}")));
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")).withRequestBody(equalToJson("{\"state\": \"closed\"}")));
        assertThat(BareRepos.head(remote, BRANCH)).as("the moot branch is deleted").isNull();
    }

    @Test
    void aPullRequestOvertakenByALaterVersionIsClosedByPrune() throws Exception {
        proposeToStaging("1.1.0", 12);
        RevCommit later = life.byHandInStaging("1.3.0");
        stubOpen(pull(12, "open", BareRepos.head(remote, BRANCH).name(), true));
        stubCloseWithComment(12, true);

        List<PrunedBranch> pruned = life.prune(Optional.of(github()), false);

        assertThat(pruned).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(PrunedBranch.Action.CLOSED);
            assertThat(p.commit()).isEqualTo(later.name());
            assertThat(p.apps()).containsExactly("web");
            assertThat(p.reason()).isEqualTo("main has web `1.3.0` since " + later.name() + " (`Hotfix: web 1.3.0 in staging by"
                    + " hand`), set after this branch proposed `1.1.0`");
        });
        api.verify(1, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
        assertThat(BareRepos.head(remote, BRANCH)).isNull();
    }

    @Test
    void aPullRequestAPersonClosedIsNotProposedAgainUnlessAskedAndANewerVersionOpensAFreshOne() throws Exception {
        proposeToStaging("1.1.0", 12);
        ObjectId proposed = BareRepos.head(remote, BRANCH);
        api.resetRequests();
        stubOpen();
        stubClosed(pull(12, "closed", proposed.name(), true));
        int pushes = life.git().receivePackCount();

        PromotionResult again = life.toStaging(false);

        assertThat(again.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(again.reason()).isEqualTo("pull request #12 (https://github.com/acme/config/pull/12) proposing web 1.1.0 for"
                + " staging was closed without merging, so it is not proposed again; promote a newer version, or reopen it"
                + " (--reopen) to propose this one again");
        assertThat(life.git().receivePackCount()).isEqualTo(pushes);
        assertThat(BareRepos.head(remote, BRANCH)).as("the branch stays as the person left it").isEqualTo(proposed);
        api.verify(0, postRequestedFor(urlEqualTo(REPO + "/pulls")));

        stubCreate(13);
        PromotionResult reopened = life.toStaging(true);
        assertThat(reopened.pullRequest().number()).isEqualTo(13);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")));

        api.resetRequests();
        stubOpen();
        stubCreate(14);
        life.toDev("1.2.0");
        PromotionResult newer = life.toStaging(false);
        assertThat(newer.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(newer.pullRequest().number()).isEqualTo(14);
        api.verify(1, postRequestedFor(urlEqualTo(REPO + "/pulls")).withRequestBody(containing("1.2.0")));
    }

    @Test
    void aPullRequestThisToolDidNotOpenIsLeftAloneAndSoIsItsBranch() throws Exception {
        proposeToStaging("1.1.0", 12);
        life.byHandInStaging("1.1.0");
        ObjectId branch = BareRepos.head(remote, BRANCH);
        stubOpen(pull(12, "open", branch.name(), false));
        stubCloseWithComment(12, false);

        List<PrunedBranch> pruned = life.prune(Optional.of(github()), false);

        assertThat(pruned).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(PrunedBranch.Action.KEPT);
            assertThat(p.note()).isEqualTo("its open pull request was not opened by gitops-promotion, so it is left as it is");
        });
        api.verify(0, postRequestedFor(urlEqualTo(REPO + "/issues/12/comments")));
        api.verify(0, patchRequestedFor(urlEqualTo(REPO + "/pulls/12")));
        assertThat(BareRepos.head(remote, BRANCH)).isEqualTo(branch);
    }

    @Test
    void withoutAProviderAPullRequestBranchIsKeptAndABranchModeOneDeleted() throws Exception {
        proposeToStaging("1.1.0", 12);
        life.byHandInStaging("1.1.0");
        life.engine().promote(life.request("prod").version(new VersionSource.FromEnvironment("staging")).build());
        RevCommit prodByHand = BareRepos.commitFile(remote, "main", "apps/web/prod/kustomization.yaml", "# web in prod\n"
                + "resources:\n- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n", "web 1.1.0 to prod");

        List<PrunedBranch> dry = life.prune(Optional.empty(), true);
        assertThat(dry).extracting(PrunedBranch::action).containsOnly(PrunedBranch.Action.PLANNED);
        assertThat(BareRepos.head(remote, "gitops-promotion/prod/web")).as("a dry run changes nothing").isNotNull();

        List<PrunedBranch> pruned = life.prune(Optional.empty(), false);

        assertThat(pruned).extracting(PrunedBranch::branch, PrunedBranch::action, PrunedBranch::commit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("gitops-promotion/prod/web", PrunedBranch.Action.DELETED, prodByHand.name()),
                org.assertj.core.groups.Tuple.tuple(BRANCH, PrunedBranch.Action.KEPT, BareRepos.log(remote, "main").get(1).name()));
        assertThat(pruned.get(1).note()).startsWith("no pull-request provider is configured");
        assertThat(BareRepos.head(remote, "gitops-promotion/prod/web")).isNull();
        assertThat(BareRepos.head(remote, BRANCH)).isNotNull();
    }

    @Test
    void aPendingPullRequestIsNotMoot() throws Exception {
        proposeToStaging("1.1.0", 12);
        // Another cell changes on main: staging's web is still what the branch was cut from.
        BareRepos.commitFile(remote, "main", "apps/api/staging/values.yaml", "image:\n  repository: ghcr.io/acme/api\n"
                + "  tag: 2.0.1\n  digest: \"\"\n", "api 2.0.1 in staging");

        assertThat(life.prune(Optional.of(github()), false)).isEmpty();
        assertThat(BareRepos.head(remote, BRANCH)).isNotNull();
    }
}

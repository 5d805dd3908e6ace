package io.jenkins.plugins.gitopspromotion.view;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.pr.PromotionLife;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.RequiredChecks;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.PrunedBranch;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import io.jenkins.plugins.gitopspromotion.policy.HoldSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view's state against a real bare config repository, promoted through the real engine. */
class PromotionViewTest {

    @TempDir
    Path temp;

    private Repository remote;
    private RepositoryLocation location;
    private PromotionEngine engine;

    @BeforeEach
    void seed() throws Exception {
        LocalFixture fixture = LocalFixture.create(temp);
        remote = fixture.remote();
        location = fixture.location();
        engine = fixture.engine();
    }

    @AfterEach
    void close() {
        remote.close();
    }

    private PromotionRequest.Builder request(String env) {
        return PromotionRequest.builder(location, env);
    }

    private PromotionView view(Optional<PullRequestProvider> provider) {
        return new PromotionView(engine, location, GitAuth.none(), "main", provider, this::request);
    }

    private PromotionResult promote(String env, String app, String tag, String digest, String buildUrl) throws Exception {
        return engine.promote(request(env).app(app).buildUrl(buildUrl)
                .version(new VersionSource.Given(Optional.ofNullable(tag), Optional.ofNullable(digest).map(Digest::parse)))
                .build());
    }

    @Test
    void showsEveryCellWithTheCommitThatSetItAndItsTrailers() throws Exception {
        RevCommit seed = BareRepos.log(remote, "main").get(0);
        PromotionResult promoted = promote("dev", "web", "1.1.0", DIGEST_A, "https://ci.example.com/job/web/7/");

        ViewState state = view(Optional.empty()).status();

        assertThat(state.environments()).containsExactly("dev", "staging", "prod");
        assertThat(state.apps()).extracting(AppRow::app).containsExactly("web", "api", "worker");
        ViewCell dev = state.cell("web", "dev");
        assertThat(dev.tag()).isEqualTo("1.1.0");
        assertThat(dev.digest()).isEqualTo(DIGEST_A);
        assertThat(dev.references()).containsExactly("apps/web/dev/kustomization.yaml:5 1.1.0@" + DIGEST_A);
        assertThat(dev.setBy().id()).isEqualTo(promoted.commit());
        assertThat(dev.setBy().buildUrl()).isEqualTo("https://ci.example.com/job/web/7/");
        assertThat(dev.setBy().author()).isEqualTo(PromotionRequest.DEFAULT_AUTHOR.getName());
        assertThat(dev.setBy().title()).isEqualTo("Promote web 1.0.0 → 1.1.0 to dev");
        ViewCell staging = state.cell("web", "staging");
        assertThat(staging.tag()).isEqualTo("1.0.0");
        assertThat(staging.digest()).isNull();
        assertThat(staging.setBy().id()).isEqualTo(seed.name());
        assertThat(state.cell("api", "prod").tag()).isEqualTo("2.0.0");
        assertThat(state.cell("worker", "staging").tag()).isEqualTo("0.9.0");
        assertThat(state.refresh().full()).isTrue();
        assertThat(state.refresh().cellsRead()).isEqualTo(9);
    }

    @Test
    void aPromotionBranchShowsAsPendingOnItsCellUntilItIsMerged() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        PromotionResult proposed = engine.promote(request("staging").app("web")
                .version(new VersionSource.FromEnvironment("dev")).build());
        assertThat(proposed.branch()).isEqualTo("gitops-promotion/staging/web");

        PromotionView view = view(Optional.empty());
        ViewCell staging = view.status().cell("web", "staging");

        assertThat(staging.tag()).isEqualTo("1.0.0");
        assertThat(staging.pending().branch()).isEqualTo("gitops-promotion/staging/web");
        assertThat(staging.pending().tag()).isEqualTo("1.1.0");
        assertThat(staging.pending().label()).isEqualTo("1.1.0");
        assertThat(staging.pending().commit().id()).isEqualTo(proposed.commit());
        assertThat(staging.pending().pullRequest()).isNull();
        assertThat(view.status().cell("web", "prod").pending()).isNull();

        // Merged by hand (fast-forward): the branch stays, but proposes nothing new any more.
        org.eclipse.jgit.lib.RefUpdate update = remote.updateRef("refs/heads/main");
        update.setNewObjectId(remote.resolve("refs/heads/gitops-promotion/staging/web"));
        assertThat(update.update()).isIn(org.eclipse.jgit.lib.RefUpdate.Result.FAST_FORWARD);
        ViewCell merged = view.status().cell("web", "staging");
        assertThat(merged.tag()).isEqualTo("1.1.0");
        assertThat(merged.pending()).isNull();
        assertThat(merged.setBy().id()).isEqualTo(proposed.commit());
    }

    @Test
    void anOpenGitHubPullRequestOfThePromotionBranchLinksFromThePendingCell() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        engine.promote(request("staging").app("web").version(new VersionSource.FromEnvironment("dev")).build());
        try (ProviderTestSupport support = ProviderTestSupport.start()) {
            // As docs.github.com/en/rest/pulls/pulls#list-pull-requests documents the answer.
            support.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/pulls?state=open&per_page=100"
                    + "&head=acme%3Agitops-promotion%2Fstaging%2Fweb&base=main"))
                    .withHeader("Authorization", equalTo("Bearer " + ProviderTestSupport.TOKEN))
                    .willReturn(okJson("""
                            [{"id": 1296269, "node_id": "PR_kwDOABCD1234", "number": 12, "state": "open",
                              "html_url": "https://github.com/acme/config/pull/12",
                              "title": "Promote web 1.0.0 → 1.1.0 to staging",
                              "head": {"ref": "gitops-promotion/staging/web", "label": "acme:gitops-promotion/staging/web"},
                              "base": {"ref": "main", "label": "acme:main"}}]""")));
            PromotionView view = view(Optional.of(support.provider(ProviderKind.GITHUB, "", "acme/config")));

            ViewState state = view.status();
            view.status();

            assertThat(state.cell("web", "staging").pending().pullRequest())
                    .isEqualTo(new ViewCell.PullRequestLink("https://github.com/acme/config/pull/12", 12));
            assertThat(state.warnings()).isEmpty();
            // The second status within the TTL asked GitHub nothing more.
            support.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/repos/acme/config/pulls")));
        }
    }

    /** Pull request 12 of staging's promotion branch as GitHub's "Get a pull request" answers it, with this body. */
    private static String pull12(String body) {
        return """
                {"id": 1296269, "node_id": "PR_kwDOABCD1234", "number": 12, "state": "open", "merged_at": null,
                 "html_url": "https://github.com/acme/config/pull/12", "title": "Promote web 1.0.0 → 1.1.0 to staging",
                 "body": "%s", "head": {"ref": "gitops-promotion/staging/web", "label": "acme:gitops-promotion/staging/web"},
                 "base": {"ref": "main", "label": "acme:main"}}""".formatted(body);
    }

    /** web 1.1.0 proposed to staging on its branch, then put on main by hand: the branch is moot. */
    private RevCommit mootStagingBranch() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        engine.promote(request("staging").app("web").version(new VersionSource.FromEnvironment("dev")).build());
        return BareRepos.commitFile(remote, "main", "apps/web/staging/kustomization.yaml", "# web in staging\nresources:\n"
                + "- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n", "web 1.1.0 in staging by hand");
    }

    @Test
    void aRefreshClosesThePullRequestOfAVersionThatLandedByHandAndNoLongerShowsItPending() throws Exception {
        RevCommit byHand = mootStagingBranch();
        try (ProviderTestSupport support = ProviderTestSupport.start()) {
            String ours = pull12(PromotionLife.OUR_DESCRIPTION);
            support.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).withQueryParam("state", equalTo("open"))
                    .willReturn(okJson("[" + ours + "]")));
            support.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/pulls/12")).willReturn(okJson(ours)));
            support.wireMock().stubFor(post(urlEqualTo("/repos/acme/config/issues/12/comments")).willReturn(okJson("{\"id\": 1}")));
            support.wireMock().stubFor(patch(urlEqualTo("/repos/acme/config/pulls/12")).willReturn(okJson(ours)));
            PromotionView view = view(Optional.of(support.provider(ProviderKind.GITHUB, "", "acme/config")));

            ViewState state = view.status();

            assertThat(state.pruned()).singleElement().satisfies(p -> {
                assertThat(p.action()).isEqualTo(PrunedBranch.Action.CLOSED);
                assertThat(p.commit()).isEqualTo(byHand.name());
                assertThat(p.pullRequest().number()).isEqualTo(12);
            });
            assertThat(state.cell("web", "staging").tag()).isEqualTo("1.1.0");
            assertThat(state.cell("web", "staging").pending()).isNull();
            assertThat(BareRepos.head(remote, "gitops-promotion/staging/web")).isNull();
            support.wireMock().verify(1, patchRequestedFor(urlEqualTo("/repos/acme/config/pulls/12")));
            assertThat(view.status().pruned()).as("nothing left to clean up").isEmpty();
        }
    }

    @Test
    void aBranchFoundPendingIsReadAgainOnceTheBaseBranchMovesAndThenCleanedUp() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        engine.promote(request("staging").app("web").version(new VersionSource.FromEnvironment("dev"))
                .mode(io.jenkins.plugins.gitopspromotion.config.PromotionMode.COMMIT).build());
        PromotionResult proposed = engine.promote(request("prod").app("web").version(new VersionSource.FromEnvironment("staging"))
                .build());
        PromotionView view = view(Optional.empty());
        ViewState pending = view.status();
        assertThat(pending.pruned()).isEmpty();
        assertThat(pending.cell("web", "prod").pending().branch()).isEqualTo(proposed.branch());

        RevCommit byHand = BareRepos.commitFile(remote, "main", "apps/web/prod/kustomization.yaml", "# web in prod\nresources:\n"
                + "- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n", "web 1.1.0 in prod by hand");
        ViewState landed = view.status();

        assertThat(landed.pruned()).singleElement().satisfies(p -> {
            assertThat(p.branch()).isEqualTo("gitops-promotion/prod/web");
            assertThat(p.action()).as("a branch environment's branch goes without a provider").isEqualTo(PrunedBranch.Action.DELETED);
            assertThat(p.commit()).isEqualTo(byHand.name());
        });
        assertThat(landed.cell("web", "prod").pending()).isNull();
        assertThat(BareRepos.head(remote, "gitops-promotion/prod/web")).isNull();
    }

    @Test
    void aMootBranchWhosePullRequestIsNotOursIsLeftAndNotAskedAboutAgainUntilItMoves() throws Exception {
        mootStagingBranch();
        try (ProviderTestSupport support = ProviderTestSupport.start()) {
            String theirs = pull12("hotfix by hand");
            support.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).withQueryParam("state", equalTo("open"))
                    .willReturn(okJson("[" + theirs + "]")));
            support.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/pulls/12")).willReturn(okJson(theirs)));
            PromotionView view = view(Optional.of(support.provider(ProviderKind.GITHUB, "", "acme/config")));

            assertThat(view.status().pruned()).singleElement().satisfies(p -> {
                assertThat(p.action()).isEqualTo(PrunedBranch.Action.KEPT);
                assertThat(p.note()).isEqualTo("its open pull request was not opened by gitops-promotion, so it is left as it is");
            });
            assertThat(view.status().pruned()).isEmpty();

            assertThat(BareRepos.head(remote, "gitops-promotion/staging/web")).isNotNull();
            support.wireMock().verify(1, getRequestedFor(urlEqualTo("/repos/acme/config/pulls/12")));
            support.wireMock().verify(0, patchRequestedFor(urlEqualTo("/repos/acme/config/pulls/12")));
        }
    }

    @Test
    void aPendingBundleShowsOnEachOfItsCellsAndOnNoOther() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        promote("dev", "api", "2.1.0", null, null);
        PromotionResult bundle = engine.promote(request("staging").apps(List.of("web", "api"))
                .version(new VersionSource.FromEnvironment("dev")).build());
        // worker changes on main after the bundle was cut: the bundle's older worker is not pending.
        promote("dev", "worker", "0.9.7", null, null);
        assertThat(engine.promote(request("staging").app("worker").version(new VersionSource.FromEnvironment("dev"))
                .mode(io.jenkins.plugins.gitopspromotion.config.PromotionMode.COMMIT).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);

        ViewState state = view(Optional.empty()).status();

        assertThat(bundle.branch()).startsWith("gitops-promotion/staging/_bundle-");
        assertThat(state.cell("web", "staging").pending().branch()).isEqualTo(bundle.branch());
        assertThat(state.cell("web", "staging").pending().tag()).isEqualTo("1.1.0");
        assertThat(state.cell("api", "staging").pending().branch()).isEqualTo(bundle.branch());
        assertThat(state.cell("api", "staging").pending().tag()).isEqualTo("2.1.0");
        assertThat(state.cell("worker", "staging").pending()).isNull();
    }

    @Test
    void aPendingPullRequestShowsTheRequiredChecksOnItsHead() throws Exception {
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.CONFIG.replace("    requires: dev\n",
                "    requires: dev\n    gates:\n      checks: [ci/build, lint]\n"), "staging requires checks");
        promote("dev", "web", "1.1.0", null, null);
        engine.promote(request("staging").app("web").version(new VersionSource.FromEnvironment("dev")).build());
        String head = BareRepos.head(remote, "gitops-promotion/staging/web").name();
        try (ProviderTestSupport support = ProviderTestSupport.start()) {
            support.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).willReturn(okJson("""
                    [{"id": 1296269, "node_id": "PR_kwDOABCD1234", "number": 12, "state": "open",
                      "html_url": "https://github.com/acme/config/pull/12", "title": "Promote web 1.0.0 → 1.1.0 to staging",
                      "head": {"ref": "gitops-promotion/staging/web"}, "base": {"ref": "main"}}]""")));
            // docs.github.com/en/rest/commits/statuses#list-commit-statuses-for-a-reference, newest first.
            support.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/commits/" + head + "/statuses?per_page=100"))
                    .willReturn(okJson("""
                            [{"state": "success", "context": "ci/build", "description": "", "target_url": "",
                              "updated_at": "2026-11-27T12:04:00Z"}]""")));
            PromotionView view = view(Optional.of(support.provider(ProviderKind.GITHUB, "", "acme/config")));

            ViewCell.Pending pending = view.status().cell("web", "staging").pending();

            assertThat(pending.pullRequest().number()).isEqualTo(12);
            assertThat(pending.checks()).containsExactly(new RequiredChecks.Check("ci/build", "success"),
                    new RequiredChecks.Check("lint", "missing"));
            assertThat(PromotionView.toJson(pending)).endsWith("\"checks\":[{\"name\":\"ci/build\",\"state\":\"success\"},"
                    + "{\"name\":\"lint\",\"state\":\"missing\"}]}");
        }
    }

    @Test
    void parityShowsDriftAndAVersionThatSkippedItsUpstream() throws Exception {
        ViewState clean = view(Optional.empty()).status();
        assertThat(clean.app("web").parity().ok()).isTrue();

        BareRepos.commitFile(remote, "main", "apps/web/prod/kustomization.yaml", "# web in prod\nresources:\n- ../base\n"
                + "namePrefix: legacy-\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.0.0\"   # keep\n", "prod by hand");
        // By hand: the engine would refuse it, prod requires staging to have it first.
        BareRepos.commitFile(remote, "main", "apps/api/prod/values.yaml",
                "image:\n  repository: ghcr.io/acme/api\n  tag: 2.5.0\n  digest: \"\"\n", "hotfix straight to prod");

        ViewState state = view(Optional.empty()).status();

        AppRow.Parity web = state.app("web").parity();
        assertThat(web.ok()).isFalse();
        assertThat(web.drift()).singleElement().asString().contains("apps/web/prod/kustomization.yaml (prod)")
                .contains("namePrefix");
        assertThat(web.unpromoted()).isEmpty();
        AppRow.Parity api = state.app("api").parity();
        assertThat(api.drift()).isEmpty();
        assertThat(api.unpromoted()).containsExactly("prod runs 2.5.0, which staging has not had in the history read");
        assertThat(state.app("worker").parity().ok()).isTrue();
    }

    @Test
    void aRefreshReadsOnlyTheCellsThatChangedAndAConfigChangeRebuilds() throws Exception {
        PromotionView view = view(Optional.empty());
        view.status();
        PromotionResult promoted = promote("dev", "worker", "0.9.5", null, null);

        ViewState refreshed = view.status();

        assertThat(refreshed.refresh()).isEqualTo(new ViewState.Refresh(false, 1, 1));
        assertThat(refreshed.cell("worker", "dev").tag()).isEqualTo("0.9.5");
        assertThat(refreshed.cell("worker", "dev").setBy().id()).isEqualTo(promoted.commit());
        assertThat(view.status().refresh()).isEqualTo(new ViewState.Refresh(false, 0, 0));

        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml",
                ConfigRepositoryFixture.CONFIG.replace("  - name: worker\n", "  - name: worker2\n"), "rename worker");
        ViewState rebuilt = view.status();
        assertThat(rebuilt.refresh().full()).isTrue();
        assertThat(rebuilt.apps()).extracting(AppRow::app).containsExactly("web", "api", "worker2");
    }

    @Test
    void aBrokenConfigFailsTheCallAndTheNextGoodOneRebuilds() throws Exception {
        PromotionView view = view(Optional.empty());
        view.status();
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", "environments: [\n", "broken config");

        assertThatThrownBy(view::status).hasMessageContaining(".gitops/promotion.yaml");

        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.CONFIG, "fixed config");
        promote("dev", "web", "1.3.0", null, null);
        ViewState state = view.status();
        assertThat(state.refresh().full()).isTrue();
        assertThat(state.cell("web", "dev").tag()).isEqualTo("1.3.0");
    }

    @Test
    void historyListsVersionsNewestFirstWithTheCommitsThatSetThem() throws Exception {
        RevCommit seed = BareRepos.log(remote, "main").get(0);
        PromotionResult first = promote("dev", "web", "1.1.0", null, null);
        BareRepos.commitFile(remote, "main", "apps/web/dev/extra.yaml", "kind: ConfigMap\n", "unrelated file in the folder");
        PromotionResult second = promote("dev", "web", "1.2.0", null, null);

        List<HistoryEntry> history = view(Optional.empty()).history("web", "dev");

        assertThat(history).extracting(HistoryEntry::label).containsExactly("1.2.0", "1.1.0", "1.0.0");
        assertThat(history).extracting(e -> e.setBy().id()).containsExactly(second.commit(), first.commit(), seed.name());
        assertThat(history).extracting(HistoryEntry::current).containsExactly(true, false, false);
        assertThatThrownBy(() -> view(Optional.empty()).history("web", "qa")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no environment 'qa'");
    }

    @Test
    void promoteNextAndRollbackGoThroughTheEngine() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        promote("staging", "web", "1.1.0", null, null); // pull-request mode: a branch
        PromotionView view = view(Optional.empty());

        PromotionResult next = view.promoteNext("web", "dev", ViewUser.LOCAL);
        assertThat(next.env()).isEqualTo("staging");
        assertThat(next.status()).isEqualTo(PromotionResult.Status.UNCHANGED); // the branch already proposes it
        PromotionResult rolledBack = view.rollback("web", "dev", null, null, ViewUser.LOCAL);
        assertThat(rolledBack.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.0.0\"");
        assertThat(view.status().cell("web", "dev").setBy().title()).startsWith("Roll back web 1.1.0 → 1.0.0 in dev");
        assertThatThrownBy(() -> view.promoteNext("web", "prod", ViewUser.LOCAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prod is the last environment");
    }

    @Test
    void aUserIsCheckedForTheEnvironmentChangedAndRecordedInTheCommit() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        PromotionView view = view(Optional.empty());
        List<String> asked = new ArrayList<>();
        ViewUser jane = new ViewUser() {
            @Override
            public void checkMayChange(String app, String environment) {
                asked.add(app + " in " + environment);
                if (environment.equals("staging")) {
                    throw new ChangeForbiddenException("jane may not promote into staging");
                }
            }

            @Override
            public PromotionRequest.Builder record(PromotionRequest.Builder request) {
                return request.author(new PersonIdent("Jane Doe", "jane@example.com")).promotedBy("Jane Doe <jane@example.com>");
            }
        };
        ObjectId before = BareRepos.head(remote, "main");

        assertThatThrownBy(() -> view.promoteNext("web", "dev", jane)).isInstanceOf(ViewUser.ChangeForbiddenException.class)
                .hasMessage("jane may not promote into staging");
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
        PromotionResult rolledBack = view.rollback("web", "dev", null, "1.1.0 fails its health checks", jane);

        assertThat(asked).containsExactly("web in staging", "web in dev");
        assertThat(rolledBack.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        try (RevWalk walk = new RevWalk(remote)) {
            RevCommit commit = walk.parseCommit(BareRepos.head(remote, "main"));
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Jane Doe");
            assertThat(commit.getFooterLines("Promoted-By"))
                    .containsExactly("Jane Doe <jane@example.com>");
            assertThat(commit.getFooterLines("Hold-Reason")).containsExactly("1.1.0 fails its health checks");
        }
    }

    @Test
    void aRolledBackCellShowsItsHoldUntilReleasedWithoutAFullRebuild() throws Exception {
        promote("dev", "web", "1.1.0", null, null);
        PromotionView view = view(Optional.empty());
        assertThat(view.status().cell("web", "dev").hold()).isNull();

        view.rollback("web", "dev", null, "1.1.0 fails its health checks", ViewUser.LOCAL);
        ViewState held = view.status();

        assertThat(held.refresh().full()).as("a hold changes no cell's value").isFalse();
        HoldSummary hold = held.cell("web", "dev").hold();
        assertThat(hold.by()).isEqualTo("gitops-promotion <gitops-promotion@users.noreply.invalid>");
        assertThat(hold.reason()).isEqualTo("1.1.0 fails its health checks");
        assertThat(Instant.parse(hold.at())).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(held.cell("web", "staging").hold()).isNull();
        assertThat(PromotionView.toJson(held)).contains("\"hold\":{\"by\":\"gitops-promotion <gitops-promotion@users.noreply.invalid>\","
                + "\"at\":\"" + hold.at() + "\",\"reason\":\"1.1.0 fails its health checks\"}");

        PromotionResult released = view.release("web", "dev", "fixed", ViewUser.LOCAL);
        assertThat(released.status()).isEqualTo(PromotionResult.Status.RELEASED);
        ViewState free = view.status();
        assertThat(free.cell("web", "dev").hold()).isNull();
        assertThat(free.refresh().full()).isFalse();
    }
}

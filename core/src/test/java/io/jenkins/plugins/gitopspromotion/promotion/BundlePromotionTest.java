package io.jenkins.plugins.gitopspromotion.promotion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import io.jenkins.plugins.gitopspromotion.pr.PromotionLife;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
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

/** Several apps promoted together: one commit or one pull request, all or nothing, each app checked first. */
class BundlePromotionTest {

    private static final String WEB = "apps/web/staging/kustomization.yaml";
    private static final String API = "apps/api/staging/values.yaml";

    @TempDir
    Path temp;

    private LocalFixture fixture;
    private Repository remote;

    @BeforeEach
    void seed() throws Exception {
        fixture = LocalFixture.create(temp);
        remote = fixture.remote();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PromotionRequest.Builder request(String env) {
        return PromotionRequest.builder(fixture.location(), env);
    }

    private void toDev(String app, String tag) throws Exception {
        fixture.engine().promote(request("dev").app(app).version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
    }

    @Test
    void aBundleLandsAsOneCommitWithEachAppsChange() throws Exception {
        toDev("web", "1.1.0");
        toDev("api", "2.1.0");
        ObjectId before = BareRepos.head(remote, "main");

        PromotionResult result = fixture.engine().promote(request("staging").apps(List.of("web", "api"))
                .version(new VersionSource.FromEnvironment("dev")).mode(PromotionMode.COMMIT).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(result.app()).isEqualTo("web,api");
        assertThat(result.reason()).isEqualTo("Promote 2 apps to staging");
        assertThat(result.files()).containsExactly(WEB, API);
        List<RevCommit> log = BareRepos.log(remote, "main");
        assertThat(log.get(0).name()).isEqualTo(result.commit());
        assertThat(log.get(1).getId()).as("one commit for all").isEqualTo(before);
        assertThat(log.get(0).getFullMessage()).startsWith("Promote 2 apps to staging\n\n- Promote web 1.0.0 → 1.1.0 to staging\n"
                + "- Promote api 2.0.0 → 2.1.0 to staging\n").contains("Promoted-From: dev");
        assertThat(BareRepos.readFile(remote, "main", WEB)).contains("1.1.0");
        assertThat(BareRepos.readFile(remote, "main", API)).contains("tag: 2.1.0");

        PromotionResult again = fixture.engine().promote(request("staging").apps(List.of("web", "api"))
                .version(new VersionSource.FromEnvironment("dev")).mode(PromotionMode.COMMIT).build());
        assertThat(again.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(again.reason()).isEqualTo("staging already has web 1.1.0, api 2.1.0");
    }

    @Test
    void aBundleIsRefusedWholeWhenOneAppsRequiresIsNotMet() throws Exception {
        toDev("web", "1.1.0");
        ObjectId before = BareRepos.head(remote, "main");

        PromotionResult result = fixture.engine().promote(request("staging").apps(List.of("web", "api"))
                .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).mode(PromotionMode.COMMIT).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(result.reason()).isEqualTo("the bundle of web, api is refused whole, nothing is pushed: api: staging requires"
                + " dev to have api 1.1.0 first; dev has 2.0.0 on the base branch");
        assertThat(BareRepos.head(remote, "main")).as("web, whose requires is met, is not promoted alone").isEqualTo(before);
        assertThat(BareRepos.readFile(remote, "main", WEB)).doesNotContain("1.1.0");
    }

    @Test
    void aBundleIntoAHeldCellIsRefusedWholeAndAnOverrideIsRecordedOnce() throws Exception {
        toDev("web", "1.1.0");
        toDev("api", "2.1.0");
        BareRepos.commitFile(remote, "main", HoldFile.PATH, "holds:\n  - app: api\n    env: staging\n    by: Jane Doe\n"
                + "    at: \"2026-12-06T07:40:00Z\"\n    reason: 2.0.0 leaks memory\n", "api held in staging");
        ObjectId before = BareRepos.head(remote, "main");
        PromotionRequest.Builder bundle = request("staging").apps(List.of("web", "api"))
                .version(new VersionSource.FromEnvironment("dev")).mode(PromotionMode.COMMIT);

        PromotionResult refused = fixture.engine().promote(bundle.build());

        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).startsWith("the bundle of web, api is refused whole, nothing is pushed: api: staging is held"
                + " for api (.gitops/holds.yaml): held by Jane Doe since 2026-12-06T07:40:00Z: 2.0.0 leaks memory;");
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);

        PromotionResult overridden = fixture.engine().promote(bundle.overrideHold(true).reason("INC-42: the fix is in 2.1.0").build());

        assertThat(overridden.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        RevCommit landed = BareRepos.log(remote, "main").get(0);
        assertThat(landed.getFooterLines(PromotionMessage.HOLD_OVERRIDDEN_TRAILER)).containsExactly("INC-42: the fix is in 2.1.0");
        assertThat(BareRepos.readFile(remote, "main", HoldFile.PATH)).as("the hold stays").contains("app: api");
    }

    /** dev gets web 1.1.0 and api 2.1.0 on the Git server. */
    private static void twoAppsInDev(PromotionLife life) throws Exception {
        life.toDev("1.1.0");
        life.engine().promote(life.requestFor("dev").app("api").version(new VersionSource.Given(Optional.of("2.1.0"),
                Optional.empty())).build());
    }

    @Test
    void allAppsFromAnEnvironmentGoOnOneBranchAndOnePullRequest() throws Exception {
        try (ProviderTestSupport support = ProviderTestSupport.start();
                PromotionLife life = PromotionLife.start(temp.resolve("server"), support, ProviderKind.GITHUB, "", "acme/config")) {
            twoAppsInDev(life);
            String bundle = PromotionBranch.bundle("staging", List.of("web", "api", "worker"));
            support.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).willReturn(okJson("[]")));
            support.wireMock().stubFor(post(urlEqualTo("/repos/acme/config/pulls")).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody("""
                            {"id": 1, "node_id": "PR_1", "number": 21, "state": "open",
                             "html_url": "https://github.com/acme/config/pull/21", "title": "Promote 2 apps to staging",
                             "head": {"ref": "%s"}, "base": {"ref": "main"}}""".formatted(bundle))));
            ObjectId main = BareRepos.head(life.remote(), "main");

            PromotionResult result = life.engine().promote(life.requestFor("staging").allApps(true)
                    .version(new VersionSource.FromEnvironment("dev")).build());

            assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(bundle).matches("gitops-promotion/staging/_bundle-[0-9a-f]{12}");
            assertThat(result.branch()).isEqualTo(bundle);
            assertThat(result.pullRequest().number()).isEqualTo(21);
            assertThat(BareRepos.head(life.remote(), "main")).as("the base branch waits for the merge").isEqualTo(main);
            assertThat(BareRepos.readFile(life.remote(), bundle, WEB)).contains("1.1.0");
            support.wireMock().verify(1, postRequestedFor(urlEqualTo("/repos/acme/config/pulls"))
                    .withRequestBody(matchingJsonPath("$.head", equalTo(bundle)))
                    .withRequestBody(matchingJsonPath("$.title", equalTo("Promote 2 apps to staging")))
                    .withRequestBody(matchingJsonPath("$.body", matching("(?s)Promotes 2 apps to \\*\\*staging\\*\\* together.*"
                            + "## web.*## api.*Opened by gitops-promotion;.*<!-- gitops-promotion:v1 \\{\"env\":\"staging\",\"apps\":.*"))));
        }
    }

    /** GitHub's pull request 21 of a bundle's branch, in {@code state}, its head at {@code sha}. */
    private static String bundlePull(String branch, String state, String sha) {
        return """
                {"id": 1, "node_id": "PR_1", "number": 21, "state": "%s", "merged_at": null,
                 "html_url": "https://github.com/acme/config/pull/21", "title": "Promote 2 apps to staging",
                 "body": "%s", "head": {"ref": "%s", "sha": "%s"}, "base": {"ref": "main"}}"""
                .formatted(state, PromotionLife.OUR_DESCRIPTION, branch, sha);
    }

    @Test
    void aBundlesPullRequestAPersonClosedIsNotProposedAgainUnlessReopenedAndOnceLandedByHandItIsClosed() throws Exception {
        try (ProviderTestSupport support = ProviderTestSupport.start();
                PromotionLife life = PromotionLife.start(temp.resolve("server"), support, ProviderKind.GITHUB, "", "acme/config")) {
            twoAppsInDev(life);
            String branch = PromotionBranch.bundle("staging", List.of("web", "api"));
            String pulls = "/repos/acme/config/pulls";
            support.wireMock().stubFor(get(urlPathEqualTo(pulls)).withQueryParam("state", equalTo("open")).willReturn(okJson("[]")));
            support.wireMock().stubFor(post(urlEqualTo(pulls)).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody(bundlePull(branch, "open", "0".repeat(40)))));
            PromotionRequest.Builder bundle = life.requestFor("staging").apps(List.of("web", "api"))
                    .version(new VersionSource.FromEnvironment("dev"));
            life.engine().promote(bundle.build());
            ObjectId proposed = BareRepos.head(life.remote(), branch);
            support.wireMock().stubFor(get(urlPathEqualTo(pulls)).withQueryParam("state", equalTo("closed"))
                    .willReturn(okJson("[" + bundlePull(branch, "closed", proposed.name()) + "]")));

            PromotionResult again = life.engine().promote(bundle.build());

            assertThat(again.status()).isEqualTo(PromotionResult.Status.REFUSED);
            assertThat(again.reason()).isEqualTo("pull request #21 (https://github.com/acme/config/pull/21) proposing web 1.1.0,"
                    + " api 2.1.0 for staging was closed without merging, so it is not proposed again; promote a newer version, or"
                    + " reopen it (--reopen) to propose this one again");
            support.wireMock().verify(1, postRequestedFor(urlEqualTo(pulls)));
            assertThat(life.engine().promote(bundle.reopen(true).build()).pullRequest().number()).isEqualTo(21);
            support.wireMock().verify(2, postRequestedFor(urlEqualTo(pulls)));

            // Both versions land on main by hand: the bundle's pull request is moot, closed, its branch deleted.
            BareRepos.commitFile(life.remote(), "main", WEB, BareRepos.readFile(life.remote(), branch, WEB), "web by hand");
            RevCommit byHand = BareRepos.commitFile(life.remote(), "main", API, BareRepos.readFile(life.remote(), branch, API),
                    "api by hand");
            support.wireMock().stubFor(get(urlPathEqualTo(pulls)).withQueryParam("state", equalTo("open"))
                    .willReturn(okJson("[" + bundlePull(branch, "open", proposed.name()) + "]")));
            support.wireMock().stubFor(get(urlEqualTo(pulls + "/21")).willReturn(okJson(bundlePull(branch, "open", proposed.name()))));
            support.wireMock().stubFor(post(urlEqualTo("/repos/acme/config/issues/21/comments")).willReturn(okJson("{\"id\": 1}")));
            support.wireMock().stubFor(patch(urlEqualTo(pulls + "/21")).willReturn(okJson(bundlePull(branch, "closed",
                    proposed.name()))));

            List<PrunedBranch> pruned = life.prune(Optional.of(support.provider(ProviderKind.GITHUB, "", "acme/config")), false);

            assertThat(pruned).singleElement().satisfies(p -> {
                assertThat(p.action()).isEqualTo(PrunedBranch.Action.CLOSED);
                assertThat(p.apps()).containsExactly("web", "api");
                assertThat(p.commit()).isEqualTo(byHand.name());
            });
            assertThat(BareRepos.head(life.remote(), branch)).isNull();
        }
    }

    @Test
    void aBundleNamesEachAppOnceAndTakesAVersionFromElsewhereOrGiven() {
        assertThatThrownBy(() -> request("staging").apps(List.of("web", "web")).version(new VersionSource.FromEnvironment("dev"))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessage("a bundle names each app once, not web, web");
        assertThatThrownBy(() -> request("staging").apps(List.of("web", "api")).version(new VersionSource.Rollback(Optional.empty()))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessage("a bundle promotes a version taken from another"
                        + " environment or given; a rollback and a new image name go with one app");
        assertThatThrownBy(() -> request("staging").apps(List.of("web")).version(new VersionSource.FromEnvironment("dev")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a bundle names at least two apps, not 1");
        assertThatThrownBy(() -> request("staging").app("web").allApps(true).version(new VersionSource.FromEnvironment("dev"))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bundle names its apps, or all of them, and no single app or image");
    }

    @Test
    void anUnknownAppInABundleIsAnErrorNamingItAndNothingIsPushed() throws Exception {
        ObjectId before = BareRepos.head(remote, "main");

        assertThatThrownBy(() -> fixture.engine().promote(request("staging").apps(List.of("web", "nope"))
                .version(new VersionSource.FromEnvironment("dev")).build())).isInstanceOf(PromotionException.class)
                .hasMessageContaining("no app nope in");
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
    }
}

package io.jenkins.plugins.gitopspromotion.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import io.jenkins.plugins.gitopspromotion.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for a promotion: pending on its branch, merged, deployed, healthy or failed, or out of time. */
class DeploymentWaiterTest {

    static final String CONFIG = ConfigRepositoryFixture.withDeployments(ConfigRepositoryFixture.CONFIG, "staging",
            "flux: {kustomization: \"{app}-staging\", namespace: flux-system}");

    @TempDir
    Path temp;

    private LocalFixture fixture;
    private Repository remote;
    private DeploymentStore store;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<DeploymentWaiter.Observation> observed = new ArrayList<>();
    private int ids;

    private final TestClock clock = new TestClock(Instant.now());

    @BeforeEach
    void seed() throws Exception {
        fixture = LocalFixture.create(temp);
        remote = fixture.remote();
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", CONFIG, "Track staging's deployments");
        promote("dev", "1.5.0");
        store = DeploymentStore.open(temp.resolve("reports"));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
        remote.close();
    }

    private void promote(String env, String tag) throws IOException {
        fixture.engine().promote(PromotionRequest.builder(fixture.location(), env).app("web").boundary(BoundaryMode.OFF)
                .version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
    }

    private DeploymentWaiter waiter(Optional<String> version, Optional<PullRequestProvider> provider) {
        return new DeploymentWaiter(fixture.engine(), fixture.location(), GitAuth.none(), "main", "staging", "web", version,
                store::reports, provider, clock);
    }

    /** Merges the promotion branch as a fast-forward of main, as a host's merge button can. */
    private RevCommit merge() throws IOException {
        ObjectId branch = BareRepos.head(remote, "gitops-promotion/staging/web");
        RefUpdate update = remote.updateRef("refs/heads/main");
        update.setNewObjectId(branch);
        assertThat(update.update()).isEqualTo(RefUpdate.Result.FAST_FORWARD);
        return BareRepos.log(remote, "main").get(0);
    }

    private void report(RevCommit revision, Signal signal) throws IOException {
        store.add(new DeploymentReport("r" + ids++, ReportSource.FLUX, "Kustomization", "flux-system", "web-staging", null, null,
                "eu-1", revision.name(), signal, "Kustomization says " + signal.jsonName(), clock.instant().toString(),
                clock.instant().toString(), List.of()));
    }

    @Test
    void aPromotionGoesFromItsBranchToMergedToHealthy() throws Exception {
        promote("staging", "1.5.0");
        DeploymentWaiter waiter = waiter(Optional.empty(), Optional.empty());

        DeploymentWaiter.Observation pending = waiter.poll();
        assertThat(pending.state()).isEqualTo(DeploymentState.PENDING);
        assertThat(pending.version()).isEqualTo("1.5.0");
        assertThat(pending.message()).isEqualTo("only gitops-promotion/staging/web has 1.5.0");
        assertThat(pending.judge(DeploymentState.MERGED)).isEmpty();

        RevCommit merged = merge();
        clock.set(Instant.now());
        DeploymentWaiter.Observation seen = waiter.poll();
        assertThat(seen.state()).isEqualTo(DeploymentState.MERGED);
        assertThat(seen.revision()).isEqualTo(merged.name());
        assertThat(seen.judge(DeploymentState.MERGED)).contains(DeploymentWaiter.Outcome.REACHED);
        assertThat(seen.judge(DeploymentState.DEPLOYED)).isEmpty();

        report(merged, Signal.DEPLOYED);
        assertThat(waiter.poll().judge(DeploymentState.DEPLOYED)).contains(DeploymentWaiter.Outcome.REACHED);
        report(merged, Signal.HEALTHY);
        DeploymentWaiter.Observation healthy = waiter.poll();
        assertThat(healthy).extracting(DeploymentWaiter.Observation::state, DeploymentWaiter.Observation::revision,
                DeploymentWaiter.Observation::source).containsExactly(DeploymentState.HEALTHY, merged.name(), "flux");
    }

    @Test
    void awaitPollsWithBackoffUntilAReportArrives() throws Exception {
        promote("staging", "1.5.0");
        RevCommit merged = merge();
        DeploymentWaiter.Result result = waiter(Optional.of("1.5.0"), Optional.empty()).await(DeploymentState.HEALTHY,
                Duration.ofMinutes(30), pause -> {
                    sleeps.add(pause);
                    clock.advance(pause);
                    if (sleeps.size() == 3) {
                        try {
                            report(merged, Signal.HEALTHY);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }, observed::add);
        assertThat(result.outcome()).isEqualTo(DeploymentWaiter.Outcome.REACHED);
        assertThat(result.last().state()).isEqualTo(DeploymentState.HEALTHY);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7500), Duration.ofMillis(11250));
        assertThat(observed).extracting(DeploymentWaiter.Observation::state).containsExactly(DeploymentState.MERGED,
                DeploymentState.MERGED, DeploymentState.MERGED, DeploymentState.HEALTHY);
    }

    @Test
    void theTimeRunsOutSayingWhatWasLastSeenOrTheAgentReportsAFailure() throws Exception {
        promote("staging", "1.5.0");
        RevCommit merged = merge();
        DeploymentWaiter waiter = waiter(Optional.of("1.5.0"), Optional.empty());
        DeploymentWaiter.Result late = waiter.await(DeploymentState.DEPLOYED, Duration.ofSeconds(10), pause -> {
            sleeps.add(pause);
            clock.advance(pause);
        }, observed::add);
        assertThat(late.outcome()).isEqualTo(DeploymentWaiter.Outcome.TIMED_OUT);
        assertThat(late.last().state()).isEqualTo(DeploymentState.MERGED);
        assertThat(late.last().message()).isEqualTo("1.5.0 is merged, and no report covers it; no report yet");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));

        report(merged, Signal.DEGRADED);
        DeploymentWaiter.Result failed = waiter.await(DeploymentState.HEALTHY, Duration.ofMinutes(1), pause -> {
            throw new AssertionError("a failure ends the wait at once");
        }, observed::add);
        assertThat(failed.outcome()).isEqualTo(DeploymentWaiter.Outcome.FAILED);
        assertThat(failed.last().message()).isEqualTo("Kustomization says degraded");
        assertThat(failed.last().judge(DeploymentState.DEPLOYED)).as("degraded was deployed")
                .contains(DeploymentWaiter.Outcome.REACHED);
    }

    @Test
    void aVersionASupersedingPromotionReplacedIsJudgedByItsOwnCommit() throws Exception {
        promote("staging", "1.5.0");
        RevCommit first = merge();
        report(first, Signal.HEALTHY);
        promote("dev", "1.6.0");
        promote("staging", "1.6.0");
        merge();

        DeploymentWaiter.Observation seen = waiter(Optional.of("1.5.0"), Optional.empty()).poll();
        assertThat(seen.state()).isEqualTo(DeploymentState.HEALTHY);
        assertThat(seen.message()).startsWith("superseded by 1.6.0 on main; ");
        DeploymentWaiter.Observation nowhere = waiter(Optional.of("9.9.9"), Optional.empty()).poll();
        assertThat(nowhere.state()).isEqualTo(DeploymentState.PENDING);
        assertThat(nowhere.message()).isEqualTo("neither main nor gitops-promotion/staging/web has 9.9.9 yet");
    }

    @Test
    void aPullRequestClosedWithoutMergingEndsTheWait() throws Exception {
        promote("staging", "1.5.0");
        try (ProviderTestSupport github = ProviderTestSupport.start()) {
            String pulls = "/repos/acme/config/pulls";
            github.wireMock().stubFor(get(urlPathEqualTo(pulls)).inScenario("pr").whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo("closed").willReturn(okJson("[{\"number\": 42, \"html_url\": \"https://github.com/acme/config/pull/42\","
                            + " \"node_id\": \"PR_kwDOABCD1234\", \"head\": {\"ref\": \"gitops-promotion/staging/web\"},"
                            + " \"base\": {\"ref\": \"main\"}}]")));
            github.wireMock().stubFor(get(urlPathEqualTo(pulls)).inScenario("pr").whenScenarioStateIs("closed").willReturn(okJson("[]")));
            github.wireMock().stubFor(get(urlMatching("/repos/acme/config/commits/.*")).willReturn(okJson("[]")));
            DeploymentWaiter waiter = waiter(Optional.empty(), Optional.of(github.provider(ProviderKind.GITHUB, "", "acme/config")));

            DeploymentWaiter.Observation open = waiter.poll();
            assertThat(open.message()).isEqualTo("1.5.0 waits in pull request #42 (https://github.com/acme/config/pull/42)");
            DeploymentWaiter.Result closed = waiter.await(DeploymentState.MERGED, Duration.ofMinutes(5), pause -> {
                throw new AssertionError("a closed pull request ends the wait at once");
            }, observed::add);
            assertThat(closed.outcome()).isEqualTo(DeploymentWaiter.Outcome.FAILED);
            assertThat(closed.last().message()).isEqualTo("the pull request of gitops-promotion/staging/web was closed without"
                    + " merging 1.5.0");
        }
    }

    @Test
    void anEnvironmentWithoutDeploymentsCanOnlyBeWaitedForUntilMerged() throws Exception {
        DeploymentWaiter waiter = new DeploymentWaiter(fixture.engine(), fixture.location(), GitAuth.none(), "main", "dev", "web",
                Optional.empty(), store::reports, Optional.empty(), clock);
        DeploymentWaiter.Observation seen = waiter.poll();
        assertThat(seen.state()).isEqualTo(DeploymentState.MERGED);
        assertThat(seen.message()).isEqualTo("1.5.0 is on main; dev lists no deployments and no report is about web there, so"
                + " nothing tells whether it was deployed");
    }
}

package io.jenkins.plugins.gitopspromotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.StatusReport;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployment states and delivery figures of real promotions, in {@code status} and in the view: a promotion through the
 * engine, then reports about its commit kept in a store.
 */
class DeploymentTrackerTest {

    static final String CONFIG = ConfigRepositoryFixture.withDeployments(ConfigRepositoryFixture.CONFIG, "dev",
            "flux: {kustomization: apps, namespace: flux-system}");

    @TempDir
    Path temp;

    private LocalFixture fixture;
    private Repository remote;
    private DeploymentStore store;
    private RevCommit promotion;
    private Instant merged;
    private int ids;

    @BeforeEach
    void promote() throws Exception {
        fixture = LocalFixture.create(temp);
        remote = fixture.remote();
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", CONFIG, "Track dev's deployments");
        PromotionResult result = fixture.engine().promote(PromotionRequest.builder(fixture.location(), "dev").app("web").boundary(BoundaryMode.OFF)
                .version(new VersionSource.Given(Optional.of("1.5.0"), Optional.empty()))
                .sourceTime(Instant.now().minusSeconds(20 * 60)).build());
        promotion = BareRepos.log(remote, "main").get(0);
        assertThat(promotion.name()).isEqualTo(result.commit());
        merged = promotion.getCommitterIdent().getWhenAsInstant();
        store = DeploymentStore.open(temp.resolve("reports"));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
        remote.close();
    }

    private void report(RevCommit revision, Signal signal, long secondsAfterMerge) throws IOException {
        Instant at = merged.plusSeconds(secondsAfterMerge);
        store.add(new DeploymentReport("r" + ids++, ReportSource.FLUX, "Kustomization", "flux-system", "apps", null, null, "dev-eu",
                revision.name(), signal, signal.jsonName(), at.toString(), at.toString(), List.of()));
    }

    private DeploymentTracker tracker(long secondsAfterMerge) {
        return new DeploymentTracker(store::reports, Optional.empty(), Clock.fixed(merged.plusSeconds(secondsAfterMerge), ZoneOffset.UTC));
    }

    private StatusReport status(long secondsAfterMerge) throws IOException {
        return tracker(secondsAfterMerge).status(fixture.engine(), fixture.location(), GitAuth.none(), "main").report();
    }

    @Test
    void statusShowsTheDeploymentOfTrackedCellsOnlyAndTheFigures() throws Exception {
        RevCommit before = promotion.getParent(0);
        report(before, Signal.HEALTHY, 10);
        StatusReport beforeCovered = status(60);
        assertThat(beforeCovered.cell("web", "dev").deployment().state()).as("a report about the commit before the promotion")
                .isEqualTo(DeploymentState.MERGED);
        assertThat(beforeCovered.cell("api", "dev").deployment().state()).as("api's version is older than that commit")
                .isEqualTo(DeploymentState.HEALTHY);
        assertThat(beforeCovered.cell("web", "staging").deployment()).as("staging lists no deployments").isNull();

        report(promotion, Signal.HEALTHY, 60);
        StatusReport report = status(120);
        CellDeployment web = report.cell("web", "dev").deployment();
        assertThat(web.state()).isEqualTo(DeploymentState.HEALTHY);
        assertThat(web.revision()).isEqualTo(promotion.name());
        assertThat(web.cluster()).isEqualTo("dev-eu");
        assertThat(report.toJson()).contains("\"deployment\" : {\n      \"state\" : \"healthy\"");

        DeliveryMetrics figures = report.metrics().stream().filter(m -> m.app().equals("web")).findFirst().orElseThrow();
        assertThat(figures).extracting(DeliveryMetrics::env, DeliveryMetrics::deployments, DeliveryMetrics::changeFailureRate,
                DeliveryMetrics::timeToRestoreSeconds).containsExactly("dev", 1, 0.0, null);
        assertThat(figures.leadTimeSeconds()).as("from the Source-Time trailer to the healthy report")
                .isBetween(20 * 60L + 55, 20 * 60L + 65);
        assertThat(report.metrics()).extracting(DeliveryMetrics::app).containsExactly("web", "api", "worker");
    }

    @Test
    void aDegradedReportFailsTheChangeAndTheNextHealthyOneRestoresIt() throws Exception {
        report(promotion, Signal.DEPLOYED, 30);
        assertThat(status(40).cell("web", "dev").deployment().state()).isEqualTo(DeploymentState.DEPLOYED);
        report(promotion, Signal.DEGRADED, 60);
        StatusReport degraded = status(90);
        assertThat(degraded.cell("web", "dev").deployment().state()).isEqualTo(DeploymentState.DEGRADED);
        report(promotion, Signal.HEALTHY, 300);
        DeliveryMetrics figures = status(400).metrics().get(0);
        assertThat(figures.changeFailureRate()).isEqualTo(1.0);
        assertThat(figures.timeToRestoreSeconds()).isEqualTo(240L);
    }

    @Test
    void theViewCarriesTheSameDeploymentAndTheFigures() throws Exception {
        report(promotion, Signal.HEALTHY, 60);
        PromotionView view = new PromotionView(fixture.engine(), fixture.location(), GitAuth.none(), "main", Optional.empty(),
                env -> PromotionRequest.builder(fixture.location(), env)).withDeployments(tracker(31 * 60));
        ViewState state = view.status();
        assertThat(state.cell("web", "dev").deployment().state()).isEqualTo(DeploymentState.HEALTHY);
        assertThat(state.cell("web", "prod").deployment()).isNull();
        assertThat(state.metrics()).hasSize(3);
        assertThat(PromotionView.toJson(state)).contains("\"deployment\":{\"state\":\"healthy\",\"revision\":\"" + promotion.name() + "\"");

        BareRepos.commitFile(remote, "main", "apps/worker/dev/notes.md", "unrelated\n", "A note");
        assertThat(view.status().cell("web", "dev").deployment().state()).as("a later commit is not covered, the version still is")
                .isEqualTo(DeploymentState.HEALTHY);
        assertThat(view.config().environment("dev").orElseThrow().deployments()).hasSize(1);
    }
}

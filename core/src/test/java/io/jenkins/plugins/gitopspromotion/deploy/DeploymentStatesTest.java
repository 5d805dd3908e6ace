package io.jenkins.plugins.gitopspromotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.ClusterDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell's state from reports about revisions of a real repository: before, at and after the commit that set the
 * version (the ancestry checked in Git), failed, degraded, drift, stale, several clusters.
 */
class DeploymentStatesTest {

    @TempDir
    Path temp;

    private Repository repository;
    private RevCommit before;
    private RevCommit setter;
    private RevCommit after;
    private RevCommit elsewhere;
    private final List<DeploymentReport> reports = new ArrayList<>();
    private int ids;

    @BeforeEach
    void history() throws IOException {
        repository = BareRepos.create(temp.resolve("config.git"));
        before = BareRepos.seed(repository, "main", Map.of(".gitops/promotion.yaml", HookReceiverTest.CONFIG,
                "apps/web/dev/kustomization.yaml", "images:\n- name: ghcr.io/acme/web\n  newTag: 1.4.0\n"), "Seed");
        setter = BareRepos.commitFile(repository, "main", "apps/web/dev/kustomization.yaml",
                "images:\n- name: ghcr.io/acme/web\n  newTag: 1.5.0\n", "Promote web 1.4.0 → 1.5.0 to dev");
        after = BareRepos.commitFile(repository, "main", "apps/api/dev/values.yaml", "image:\n  tag: 2.0.0\n", "Promote api");
        elsewhere = BareRepos.commitFile(repository, "other", "README.md", "another line of history\n", "Unrelated");
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private static final Instant MERGED = Instant.parse("2026-11-27T12:00:00Z");

    private void report(RevCommit revision, Signal signal, String cluster, Instant at, List<String> images) {
        reports.add(new DeploymentReport("r" + ids++, ReportSource.FLUX, "Kustomization", "flux-system", "apps", "dev", null,
                cluster, revision == null ? null : revision.name(), signal, signal.jsonName() + " report", at.toString(),
                at.toString(), images));
    }

    private Optional<CellDeployment> state(String env, Instant now) {
        DeploymentStates states = new DeploymentStates(new DeploymentMapping(HookReceiverTest.config()), reports,
                new GitAncestry(repository), now);
        return states.of(new CellVersion(new CellRef(env, "web"), Optional.of("1.5.0"), Optional.empty(), setter.name(),
                MERGED, false));
    }

    private CellDeployment dev(Instant now) {
        return state("dev", now).orElseThrow();
    }

    @Test
    void withoutReportsTheVersionIsMergedAndStaleAfterThirtyMinutes() {
        assertThat(dev(MERGED.plusSeconds(60)).state()).isEqualTo(DeploymentState.MERGED);
        CellDeployment stale = dev(MERGED.plusSeconds(31 * 60));
        assertThat(stale.state()).isEqualTo(DeploymentState.STALE);
        assertThat(stale.message()).isEqualTo("1.5.0 was merged 31 minutes ago, longer than staleAfter 30m, and no report covers"
                + " it; no report yet");
        assertThat(stale.reportedAt()).isNull();
    }

    @Test
    void aReportAboutAnAncestorRevisionLeavesTheCellMerged() {
        report(before, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of());
        CellDeployment deployment = dev(MERGED.plusSeconds(60));
        assertThat(deployment.state()).isEqualTo(DeploymentState.MERGED);
        assertThat(deployment.revision()).isEqualTo(before.name());
        assertThat(deployment.message()).isEqualTo("1.5.0 is merged, and no report covers it; the latest report (healthy) is about "
                + before.name().substring(0, 10) + ", which does not contain 1.5.0 yet: healthy report");
    }

    @Test
    void aReportAboutTheSettingCommitOrADescendantCoversIt() {
        report(setter, Signal.DEPLOYED, "dev-eu", MERGED.plusSeconds(30), List.of());
        assertThat(dev(MERGED.plusSeconds(60)).state()).isEqualTo(DeploymentState.DEPLOYED);
        report(after, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(50), List.of());
        CellDeployment healthy = dev(MERGED.plusSeconds(60));
        assertThat(healthy.state()).isEqualTo(DeploymentState.HEALTHY);
        assertThat(healthy).extracting(CellDeployment::revision, CellDeployment::reportedAt, CellDeployment::source,
                CellDeployment::cluster).containsExactly(after.name(), "2026-11-27T12:00:50Z", "flux", "dev-eu");
    }

    @Test
    void aRevisionOnAnotherLineOfHistoryOrNotFetchedCoversNothing() {
        report(elsewhere, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of());
        assertThat(dev(MERGED.plusSeconds(60)).state()).isEqualTo(DeploymentState.MERGED);
        reports.clear();
        reports.add(new DeploymentReport("x", ReportSource.FLUX, "Kustomization", "flux-system", "apps", null, null, "dev-eu",
                "0123456789012345678901234567890123456789", Signal.HEALTHY, "ok", MERGED.toString(), MERGED.toString(), List.of()));
        assertThat(dev(MERGED.plusSeconds(60)).message()).contains("a commit not fetched yet");
    }

    @Test
    void failuresAndDegradationCountWhenTheyCoverTheVersion() {
        report(setter, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of());
        report(after, Signal.DEGRADED, "dev-eu", MERGED.plusSeconds(90), List.of());
        assertThat(dev(MERGED.plusSeconds(120)).state()).isEqualTo(DeploymentState.DEGRADED);
        report(null, Signal.FAILED, "dev-eu", MERGED.plusSeconds(100), List.of());
        CellDeployment failed = dev(MERGED.plusSeconds(120));
        assertThat(failed.state()).as("a failure without revision after the merge").isEqualTo(DeploymentState.FAILED);
        assertThat(failed.message()).isEqualTo("failed report");

        reports.clear();
        report(null, Signal.FAILED, "dev-eu", MERGED.minusSeconds(100), List.of());
        assertThat(dev(MERGED.plusSeconds(120)).state()).as("a failure before the merge is about something older")
                .isEqualTo(DeploymentState.MERGED);
        report(before, Signal.FAILED, "dev-eu", MERGED.plusSeconds(10), List.of());
        assertThat(dev(MERGED.plusSeconds(120)).state()).as("a failure of an older revision").isEqualTo(DeploymentState.MERGED);
    }

    @Test
    void aProgressingReportDoesNotHideWhatWasApplied() {
        report(setter, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of());
        report(after, Signal.PROGRESSING, "dev-eu", MERGED.plusSeconds(90), List.of());
        assertThat(dev(MERGED.plusSeconds(120)).state()).isEqualTo(DeploymentState.HEALTHY);
    }

    @Test
    void otherImagesThanGitSaysAreDrift() {
        report(setter, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of("ghcr.io/acme/web:1.4.0", "redis:7"));
        CellDeployment drift = dev(MERGED.plusSeconds(60));
        assertThat(drift.state()).isEqualTo(DeploymentState.DRIFT);
        assertThat(drift.message()).isEqualTo("dev-eu runs ghcr.io/acme/web:1.4.0, but Git says 1.5.0");

        reports.clear();
        report(setter, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of("ghcr.io/acme/web:1.5.0", "not a valid image!"));
        assertThat(dev(MERGED.plusSeconds(60)).state()).isEqualTo(DeploymentState.HEALTHY);
    }

    @Test
    void theWorstClusterDecidesAndEveryClusterIsListed() {
        report(after, Signal.HEALTHY, "dev-eu", MERGED.plusSeconds(30), List.of());
        report(before, Signal.HEALTHY, "dev-us", MERGED.plusSeconds(40), List.of());
        CellDeployment deployment = dev(MERGED.plusSeconds(60));
        assertThat(deployment.state()).isEqualTo(DeploymentState.MERGED);
        assertThat(deployment.cluster()).isEqualTo("dev-us");
        assertThat(deployment.clusters()).extracting(ClusterDeployment::cluster, ClusterDeployment::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dev-eu", DeploymentState.HEALTHY),
                        org.assertj.core.groups.Tuple.tuple("dev-us", DeploymentState.MERGED));
    }

    @Test
    void aCellWithoutDeploymentsOrReportsIsNotTrackedAndAPendingVersionIsPending() {
        String config = HookReceiverTest.CONFIG.replace("    deployments:\n      - argocd: {application: \"{app}-prod\"}\n", "");
        DeploymentStates states = new DeploymentStates(new DeploymentMapping(io.jenkins.plugins.gitopspromotion.config.ConfigLoader
                .parse(".gitops/promotion.yaml", config.getBytes(java.nio.charset.StandardCharsets.UTF_8))), reports,
                new GitAncestry(repository), MERGED);
        assertThat(states.of(new CellVersion(new CellRef("prod", "web"), Optional.of("1.5.0"), Optional.empty(), setter.name(),
                MERGED, false))).isEmpty();
        assertThat(states.of(new CellVersion(new CellRef("dev", "web"), Optional.of("1.6.0"), Optional.empty(), null, null, true))
                .orElseThrow().state()).isEqualTo(DeploymentState.PENDING);
    }
}

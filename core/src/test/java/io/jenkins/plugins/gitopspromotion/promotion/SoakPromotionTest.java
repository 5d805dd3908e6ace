package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.deploy.DeploymentReport;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import io.jenkins.plugins.gitopspromotion.deploy.Signal;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestClock;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak gate against a real Git server over HTTP and a real report store: staging takes a version only after it
 * has been healthy in dev, by Flux's reports, for an hour without a break.
 */
class SoakPromotionTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-Token-4242";

    private static final String CONFIG = ConfigRepositoryFixture.withDeployments(ConfigRepositoryFixture.CONFIG, "dev",
            "flux: {kustomization: apps, namespace: flux-system}").replace("    requires: dev\n",
            "    requires: dev\n    gates:\n      soak: 1h\n");

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Repository remote;
    private RepositoryLocation location;
    private DeploymentStore store;
    private PromotionEngine engine;
    private final TestClock clock = new TestClock(Instant.EPOCH);
    private RevCommit inDev;
    private Instant merged;
    private int ids;

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(temp.resolve("server"), USER, PASSWORD);
        remote = server.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", CONFIG, "Soak staging");
        location = RepositoryLocation.parse(server.url("config").toString());
        store = DeploymentStore.open(temp.resolve("reports"));
        engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).withClock(clock)
                .withReports(repository -> store::reports);
        engine.promote(request("dev").version(new VersionSource.Given(Optional.of("1.5.0"), Optional.empty())).build());
        inDev = BareRepos.log(remote, "main").get(0);
        merged = inDev.getCommitterIdent().getWhenAsInstant();
    }

    @AfterEach
    void stop() throws IOException {
        store.close();
        server.close();
    }

    private PromotionRequest.Builder request(String env) {
        return PromotionRequest.builder(location, env).app("web").auth(GitAuth.password(USER, PASSWORD.toCharArray()));
    }

    private PromotionResult promoteToStagingAt(Duration afterMerge) throws IOException {
        clock.set(merged.plus(afterMerge));
        return engine.promote(request("staging").version(new VersionSource.FromEnvironment("dev")).build());
    }

    private void report(Signal signal, Duration afterMerge) throws IOException {
        String at = merged.plus(afterMerge).toString();
        store.add(new DeploymentReport("r" + ids++, ReportSource.FLUX, "Kustomization", "flux-system", "apps", null, null, "dev-eu",
                inDev.name(), signal, "Reconciliation: " + signal.jsonName(), at, at, List.of()));
    }

    @Test
    void aVersionIsRefusedUntilItHasBeenHealthyUpstreamForTheSoakAndTheRefusalSaysHowLongIsLeft() throws Exception {
        PromotionResult unreported = promoteToStagingAt(Duration.ofMinutes(20));
        assertThat(unreported.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(unreported.reason()).isEqualTo("staging needs web 1.5.0 healthy in dev for 1h first (gates.soak), but it is"
                + " merged there (1.5.0 is merged, and no report covers it; no report yet)");

        report(Signal.HEALTHY, Duration.ofMinutes(5));
        assertThat(promoteToStagingAt(Duration.ofMinutes(25)).reason()).isEqualTo("staging needs web 1.5.0 healthy in dev for 1h"
                + " first (gates.soak); it has been healthy there since " + merged.plus(Duration.ofMinutes(5)) + " (20m): 40m left");

        report(Signal.DEGRADED, Duration.ofMinutes(30));
        report(Signal.HEALTHY, Duration.ofMinutes(35));
        int pushes = server.receivePackCount();
        assertThat(promoteToStagingAt(Duration.ofMinutes(70)).reason()).as("a break starts the soak again")
                .isEqualTo("staging needs web 1.5.0 healthy in dev for 1h first (gates.soak); it has been healthy there since "
                        + merged.plus(Duration.ofMinutes(35)) + " (35m): 25m left");
        assertThat(server.receivePackCount()).isEqualTo(pushes);

        PromotionResult soaked = promoteToStagingAt(Duration.ofMinutes(95));
        assertThat(soaked.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(soaked.branch()).isEqualTo("gitops-promotion/staging/web");
    }

    @Test
    void whereNoReportsAreKeptASoakRefusesAndSaysWhy() throws Exception {
        PromotionEngine withoutReports = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("other-cache"), 30)).withClock(clock);
        report(Signal.HEALTHY, Duration.ofMinutes(1));
        clock.set(merged.plus(Duration.ofHours(2)));

        PromotionResult refused = withoutReports.promote(request("staging").version(new VersionSource.FromEnvironment("dev")).build());

        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("staging needs web 1.5.0 healthy in dev for 1h first (gates.soak), but no deployment"
                + " reports are kept where this promotion runs (promote where the GitOps agents report: the Jenkins controller, or"
                + " beside gitops-promotion serve's cache)");
        assertThat(engine.promote(request("staging").version(new VersionSource.FromEnvironment("dev")).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
    }
}

package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.FaultyProxy;
import io.jenkins.plugins.gitopspromotion.testing.GitDaemon;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Promotions through a {@link FaultyProxy} that breaks the network between the engine and a real Git server
 * (the JGit HTTP server, and the real {@code git daemon}): a push cut off half-way through its pack, a push
 * whose answer is lost after it landed, a fetch whose answer is truncated, and a slow line. Each promotion
 * either lands exactly once or fails with a message naming what failed; the base branch is never damaged
 * ({@code git fsck}, linear history, file contents); trying again completes it, and a push that did land is
 * recognised as already there instead of landing twice.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkFaultTest {

    private static final String APP = SyntheticConfigRepository.appName(3);
    private static final String OVERLAY = SyntheticConfigRepository.overlay(APP, "dev");

    @TempDir
    Path temp;

    private Served served;
    private FaultyProxy proxy;

    /** The two real servers, each behind the proxy. */
    enum Transport {
        HTTP, GIT_DAEMON;

        String push() {
            return this == HTTP ? FaultyProxy.PUSH_OVER_HTTP : FaultyProxy.PUSH_OVER_DAEMON;
        }

        String fetch() {
            return this == HTTP ? FaultyProxy.FETCH_OVER_HTTP : FaultyProxy.FETCH_OVER_DAEMON;
        }
    }

    /** A running server, its repository and how the engine reaches it through the proxy. */
    private record Served(AutoCloseable server, Repository repository, RepositoryLocation location, GitAuth auth) {
    }

    private void serve(Transport transport) throws Exception {
        if (transport == Transport.HTTP) {
            GitHttpServer http = GitHttpServer.start(temp.resolve("http"), "ci", "pw-123456");
            Repository repository = http.createRepository("config");
            proxy = FaultyProxy.start(http.port());
            served = new Served(http, repository, RepositoryLocation.parse("http://127.0.0.1:" + proxy.port() + "/git/config.git"),
                    GitAuth.password("ci", "pw-123456".toCharArray()));
        } else {
            RealParts.require(GitDaemon.gitInstalled(), "git");
            GitDaemon daemon = GitDaemon.start(temp.resolve("daemon"));
            Repository repository = daemon.createRepository("config");
            proxy = FaultyProxy.start(daemon.port());
            served = new Served(daemon, repository, RepositoryLocation.parse("git://127.0.0.1:" + proxy.port() + "/config.git"),
                    GitAuth.none());
        }
        SyntheticConfigRepository repo = SyntheticConfigRepository.of(20);
        repo.seed(served.repository());
        repo.history(served.repository(), 10, 9);
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (served != null) {
            served.server().close();
        }
    }

    private PromotionEngine engine() {
        return TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 10));
    }

    private PromotionResult promote(PromotionEngine engine, String app, String tag) throws IOException {
        return engine.promote(PromotionRequest.builder(served.location(), "dev").app(app).auth(served.auth())
                .version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPushCutOffInsideItsPackChangesNothingAndATryAgainLandsOnce(Transport transport) throws Exception {
        serve(transport);
        PromotionEngine engine = engine();
        ObjectId before = BareRepos.head(served.repository(), "main");
        proxy.next(new FaultyProxy.CutPack(transport.push(), 16));

        assertPushFailsClearly(engine, "9.9.1");

        assertThat(proxy.faultsApplied()).isEqualTo(1);
        assertThat(BareRepos.head(served.repository(), "main")).isEqualTo(before);
        assertSound();
        PromotionResult retry = promote(engine, APP, "9.9.1");
        assertThat(retry.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertLandedOnceOnTopOf(before, "9.9.1");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPushThatLandedButLostItsAnswerIsFoundAlreadyThereNotPushedTwice(Transport transport) throws Exception {
        serve(transport);
        PromotionEngine engine = engine();
        ObjectId before = BareRepos.head(served.repository(), "main");
        proxy.next(new FaultyProxy.LoseAnswer(transport.push()));

        assertPushFailsClearly(engine, "9.9.2");

        awaitMoved(before);
        assertLandedOnceOnTopOf(before, "9.9.2");
        ObjectId landed = BareRepos.head(served.repository(), "main");
        PromotionResult retry = promote(engine, APP, "9.9.2");
        assertThat(retry.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(retry.reason()).isEqualTo("dev already has " + APP + " 9.9.2");
        assertThat(BareRepos.head(served.repository(), "main")).isEqualTo(landed);
        assertSound();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTruncatedFetchIntoAWarmMirrorFailsClearlyAndATryAgainLands(Transport transport) throws Exception {
        serve(transport);
        PromotionEngine engine = engine();
        assertThat(promote(engine, SyntheticConfigRepository.appName(1), "7.0.0").status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
        ObjectId before = BareRepos.head(served.repository(), "main");
        BareRepos.commitFile(served.repository(), "main", "README.md", "someone else's change\n", "Another build");
        ObjectId other = BareRepos.head(served.repository(), "main");
        proxy.next(new FaultyProxy.TruncateAnswer(transport.fetch(), 40));

        assertThatThrownBy(() -> promote(engine, APP, "9.9.3")).isInstanceOf(IOException.class)
                .hasMessageContaining("fetching main")
                .hasMessageContaining("from " + served.location() + " failed");

        assertThat(BareRepos.head(served.repository(), "main")).isEqualTo(other);
        assertThat(promote(engine, APP, "9.9.3").status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertLandedOnceOnTopOf(other, "9.9.3");
        assertThat(BareRepos.log(served.repository(), "main").get(2).getId()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSlowLineOnlyMakesItSlower(Transport transport) throws Exception {
        serve(transport);
        ObjectId before = BareRepos.head(served.repository(), "main");
        proxy.delayEachChunk(Duration.ofMillis(20));

        assertThat(promote(engine(), APP, "9.9.4").status()).isEqualTo(PromotionResult.Status.PROMOTED);

        assertLandedOnceOnTopOf(before, "9.9.4");
    }

    /**
     * Waits for the server to finish a push whose answer the proxy swallowed: its ref may move an instant after
     * the client saw the connection close. Gives up after ten seconds (the assertions after it then fail).
     */
    private void awaitMoved(ObjectId before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (BareRepos.head(served.repository(), "main").equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A promotion whose push breaks fails with a message naming the push and the repository. */
    private void assertPushFailsClearly(PromotionEngine engine, String tag) {
        assertThatThrownBy(() -> promote(engine, APP, tag)).isInstanceOf(IOException.class)
                .hasMessageContaining("pushing main to " + served.location());
    }

    /** The base branch moved by exactly one promotion commit, holding the tag, and is sound. */
    private void assertLandedOnceOnTopOf(ObjectId before, String tag) throws IOException {
        List<org.eclipse.jgit.revwalk.RevCommit> log = BareRepos.log(served.repository(), "main");
        assertThat(log.get(0).getShortMessage()).contains(APP).contains(tag);
        assertThat(log.get(1).getId()).as("exactly one commit on top of the previous tip").isEqualTo(before);
        assertThat(BareRepos.readFile(served.repository(), "main", OVERLAY))
                .isEqualTo(SyntheticConfigRepository.overlayFile(APP, "dev", tag));
        assertSound();
    }

    /** Linear history, and the real {@code git fsck} finds nothing wrong with the server's repository. */
    private void assertSound() throws IOException {
        assertThat(BareRepos.isLinear(served.repository(), "main")).isTrue();
        RealParts.require(Programs.installed("git"), "git");
        Programs.Result fsck = Programs.run(Map.of(), List.of("git", "--git-dir=" + served.repository().getDirectory(),
                "fsck", "--full", "--no-dangling"));
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
    }
}

package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.GitDaemon;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sixteen builds promote sixteen different apps into one {@code commit} environment at the same moment, each
 * with its own engine, four of them at a time sharing a cache folder: every promotion lands, history stays
 * linear, and no update is lost. Then a load test: thirty-two at once, some of them to the same app, against
 * the JGit HTTP server and the real {@code git daemon}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConcurrentPromotionTest {

    private static final int APPS = 16;
    private static final int LOAD = 32;

    @TempDir
    Path temp;

    @Test
    void sixteenPromotionsAtOnceAllLandOnALinearHistory() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp.resolve("server"), "ci", "pw-123456")) {
            Repository remote = server.createRepository("config");
            Map<String, Object> files = new LinkedHashMap<>();
            StringBuilder config = new StringBuilder("environments:\n  - name: dev\n    path: apps/{app}/dev\n    mode: commit\napps:\n");
            for (int i = 0; i < APPS; i++) {
                config.append("  - name: app").append(i).append("\n    image: ghcr.io/acme/app").append(i).append('\n');
                files.put("apps/app" + i + "/dev/kustomization.yaml", "images:\n- name: ghcr.io/acme/app" + i + "\n  newTag: 1.0.0\n");
            }
            files.put(".gitops/promotion.yaml", config.toString());
            BareRepos.seed(remote, "main", files, "Config repository");
            RepositoryLocation location = RepositoryLocation.parse(server.url("config").toString());

            ExecutorService pool = Executors.newFixedThreadPool(APPS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PromotionResult>> results = new ArrayList<>();
            for (int i = 0; i < APPS; i++) {
                int app = i;
                PromotionEngine engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache-" + (i % 4)), 30));
                Callable<PromotionResult> promotion = () -> {
                    start.await();
                    return engine.promote(PromotionRequest.builder(location, "dev").app("app" + app)
                            .auth(GitAuth.password("ci", "pw-123456".toCharArray()))
                            .version(new VersionSource.Given(Optional.of("2.0." + app), Optional.empty())).build());
                };
                results.add(pool.submit(promotion));
            }
            start.countDown();
            for (Future<PromotionResult> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS).status()).isEqualTo(PromotionResult.Status.PROMOTED);
            }
            pool.shutdown();

            List<RevCommit> log = BareRepos.log(remote, "main");
            assertThat(log).hasSize(APPS + 1);
            assertThat(BareRepos.isLinear(remote, "main")).isTrue();
            for (int i = 0; i < APPS; i++) {
                assertThat(BareRepos.readFile(remote, "main", "apps/app" + i + "/dev/kustomization.yaml"))
                        .as("app%d kept its promotion", i).contains("newTag: 2.0." + i + "\n");
            }
        }
    }

    /** The real servers of the load test. */
    enum Server {
        HTTP, GIT_DAEMON
    }

    /**
     * Thirty-two promotions at once into a repository of forty apps with some history: twenty-four apps, eight
     * of them asked twice for different versions. Each lands, or fails saying it lost every race; history stays
     * linear and sound; every landed promotion is in it; each app ends at a version one of its landed promotions wrote
     * (untouched when none landed, as on a busy machine all of one app's may give up); no other app moved.
     */
    @ParameterizedTest
    @EnumSource(Server.class)
    void thirtyTwoPromotionsSomeToTheSameAppAllLandOrReportAConflict(Server kind) throws Exception {
        AutoCloseable server;
        Repository remote;
        RepositoryLocation location;
        GitAuth auth;
        if (kind == Server.HTTP) {
            GitHttpServer http = GitHttpServer.start(temp.resolve("http"), "ci", "pw-123456");
            server = http;
            remote = http.createRepository("config");
            location = RepositoryLocation.parse(http.url("config").toString());
            auth = GitAuth.password("ci", "pw-123456".toCharArray());
        } else {
            RealParts.require(GitDaemon.gitInstalled(), "git");
            GitDaemon daemon = GitDaemon.start(temp.resolve("daemon"));
            server = daemon;
            remote = daemon.createRepository("config");
            location = RepositoryLocation.parse(daemon.url("config").toString());
            auth = GitAuth.none();
        }
        try (server) {
            SyntheticConfigRepository repo = SyntheticConfigRepository.of(40);
            repo.seed(remote);
            repo.history(remote, 20, 32);
            Map<String, String> before = new LinkedHashMap<>();
            for (int i = 0; i < 40; i++) {
                String app = SyntheticConfigRepository.appName(i);
                before.put(app, BareRepos.readFile(remote, "main", SyntheticConfigRepository.overlay(app, "dev")));
            }
            int commitsBefore = BareRepos.log(remote, "main").size();

            List<String> apps = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < LOAD; i++) {
                // Promotions 24..31 ask again for apps 0..7, with versions of their own.
                apps.add(SyntheticConfigRepository.appName(i % 24));
                tags.add("5.0." + i);
            }
            List<Future<PromotionResult>> futures = promoteAtOnce(location, auth, apps, tags);

            int landed = 0;
            Map<String, List<String>> landedTags = new LinkedHashMap<>();
            List<String> landedCommits = new ArrayList<>();
            for (int i = 0; i < LOAD; i++) {
                try {
                    PromotionResult result = futures.get(i).get(240, TimeUnit.SECONDS);
                    assertThat(result.status()).as("promotion %d", i).isEqualTo(PromotionResult.Status.PROMOTED);
                    landedCommits.add(result.commit());
                    landedTags.computeIfAbsent(apps.get(i), a -> new ArrayList<>()).add(tags.get(i));
                    landed++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("promotion %d", i).isInstanceOf(PromotionException.class)
                            .hasMessageContaining("gave up promoting " + apps.get(i) + " to dev after 10 attempts: every push lost"
                                    + " a race with another change to " + location);
                }
            }
            assertThat(landed).as("most promotions land").isGreaterThan(LOAD / 2);

            List<RevCommit> log = BareRepos.log(remote, "main");
            assertThat(log).hasSize(commitsBefore + landed);
            assertThat(log.stream().map(RevCommit::name).toList()).containsAll(landedCommits);
            assertThat(BareRepos.isLinear(remote, "main")).isTrue();
            for (int i = 0; i < 40; i++) {
                String app = SyntheticConfigRepository.appName(i);
                String overlay = BareRepos.readFile(remote, "main", SyntheticConfigRepository.overlay(app, "dev"));
                // An app ends at a version one of its landed promotions wrote; one whose promotions all gave up is untouched.
                if (landedTags.containsKey(app)) {
                    assertThat(landedTags.get(app).stream().map(t -> SyntheticConfigRepository.overlayFile(app, "dev", t)).toList())
                            .as("%s ends at a version a landed promotion wrote", app).contains(overlay);
                } else {
                    assertThat(overlay).as("%s had no promotion land", app).isEqualTo(before.get(app));
                }
            }
            RealParts.require(Programs.installed("git"), "git");
            Programs.Result fsck = Programs.run(Map.of(), List.of("git", "--git-dir=" + remote.getDirectory(), "fsck", "--full",
                    "--no-dangling"));
            assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        }
    }

    /** Starts every promotion at the same moment, each with its own engine, four engines to a cache folder. */
    private List<Future<PromotionResult>> promoteAtOnce(RepositoryLocation location, GitAuth auth, List<String> apps,
            List<String> tags) {
        ExecutorService pool = Executors.newFixedThreadPool(apps.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PromotionResult>> results = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            String app = apps.get(i);
            String tag = tags.get(i);
            PromotionEngine engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("load-cache-" + (i % 8)), 30));
            results.add(pool.submit(() -> {
                start.await();
                return engine.promote(PromotionRequest.builder(location, "dev").app(app).auth(auth)
                        .version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
            }));
        }
        start.countDown();
        pool.shutdown();
        return results;
    }
}

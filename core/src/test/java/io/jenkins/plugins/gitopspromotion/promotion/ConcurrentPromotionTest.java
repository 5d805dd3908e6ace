package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen builds promote sixteen different apps into one {@code commit} environment at the same moment, each
 * with its own engine, four of them at a time sharing a cache folder: every promotion lands, history stays
 * linear, and no update is lost.
 */
class ConcurrentPromotionTest {

    private static final int APPS = 16;

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
}

package io.jenkins.plugins.gitopspromotion.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever lands on the base branch (promotions through the engine, rollbacks, hand edits of one or
 * several overlays, drift, files outside any cell), the incrementally refreshed state equals a state built from
 * scratch at the same commit. Seeded, so a failure replays.
 */
class IncrementalRefreshPropertyTest {

    private static final int APPS = 8;
    private static final List<String> ENVS = SyntheticConfigRepository.ENVIRONMENTS;

    @TempDir
    Path temp;

    @Test
    void anIncrementalRefreshEqualsAColdBuildAfterRandomChanges() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            check(seed);
        }
    }

    private void check(long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = temp.resolve("config-" + seed + ".git");
        try (Repository remote = BareRepos.create(dir)) {
            SyntheticConfigRepository repo = SyntheticConfigRepository.of(APPS);
            repo.seed(remote);
            repo.history(remote, 15, seed);
            RepositoryLocation location = RepositoryLocation.parse(dir.toString());
            PromotionEngine engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache-" + seed), 30));
            PromotionView warm = new PromotionView(engine, location, GitAuth.none(), "main", Optional.empty(),
                    env -> PromotionRequest.builder(location, env));
            warm.status();
            int incremental = 0;
            for (int round = 0; round < 12; round++) {
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    change(random, remote, engine, location, round * 10 + c);
                }
                ViewState refreshed = warm.status();
                ViewState cold = new PromotionView(engine, location, GitAuth.none(), "main", Optional.empty(),
                        env -> PromotionRequest.builder(location, env)).status();
                assertThat(cold.refresh().full()).isTrue();
                assertThat(withoutRefresh(refreshed)).as("seed %d round %d", seed, round).isEqualTo(withoutRefresh(cold));
                if (!refreshed.refresh().full()) {
                    incremental++;
                    assertThat(refreshed.refresh().cellsRead()).isLessThanOrEqualTo(3 * changes);
                }
            }
            assertThat(incremental).as("refreshes that were incremental").isGreaterThan(8);
        }
    }

    private static String withoutRefresh(ViewState state) {
        return PromotionView.toJson(new ViewState(state.repository(), state.base(), state.commit(), state.configSource(),
                state.environments(), state.apps(), state.warnings(), null, state.metrics(), state.pruned()));
    }

    private static void change(Random random, Repository remote, PromotionEngine engine, RepositoryLocation location,
            int serial) throws Exception {
        String app = SyntheticConfigRepository.appName(random.nextInt(APPS));
        String env = ENVS.get(random.nextInt(ENVS.size()));
        String tag = "2." + serial + "." + random.nextInt(3);
        switch (random.nextInt(6)) {
            case 0 -> engine.promote(PromotionRequest.builder(location, "dev").app(app)
                    .version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
            case 1 -> {
                int to = 1 + random.nextInt(ENVS.size() - 1);
                PromotionResult result = engine.promote(PromotionRequest.builder(location, ENVS.get(to)).app(app)
                        .version(new VersionSource.FromEnvironment(ENVS.get(to - 1))).build());
                assertThat(result.status()).isNotEqualTo(PromotionResult.Status.PLANNED);
            }
            case 2 -> {
                try {
                    engine.promote(PromotionRequest.builder(location, env).app(app)
                            .version(new VersionSource.Rollback(Optional.empty())).build());
                } catch (RuntimeException e) {
                    // no earlier version to go back to: nothing lands, which is a case too
                }
            }
            case 3 -> { // one commit changing several cells, one of them with drift
                Map<String, Object> files = new LinkedHashMap<>();
                files.put(SyntheticConfigRepository.overlay(app, env), SyntheticConfigRepository.overlayFile(app, env, tag)
                        + (random.nextBoolean() ? "namePrefix: drift-\n" : ""));
                String other = SyntheticConfigRepository.appName(random.nextInt(APPS));
                files.put(SyntheticConfigRepository.overlay(other, "prod"),
                        SyntheticConfigRepository.overlayFile(other, "prod", tag));
                BareRepos.seed(remote, "main", files, "Edit " + app + " and " + other + " by hand");
            }
            case 4 -> BareRepos.commitFile(remote, "main", "apps/" + app + "/base/deployment.yaml",
                    "kind: Deployment\nmetadata:\n  name: " + app + "-" + serial + "\n", "outside every cell");
            default -> BareRepos.commitFile(remote, "main", SyntheticConfigRepository.overlay(app, env),
                    SyntheticConfigRepository.overlayFile(app, env, tag).replace("# ", "# edited "), "comment only");
        }
    }
}

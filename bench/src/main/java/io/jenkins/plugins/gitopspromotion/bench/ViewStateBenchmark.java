package io.jenkins.plugins.gitopspromotion.bench;

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
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * The promotion view's state of a generated config repository (default 2,000 apps × dev, staging, prod, with 200
 * promotion commits of history), built cold (a new view, the mirror already fetched) against refreshed after one
 * promotion landed (the same view, incrementally), each several times in this process; prints both medians and
 * their ratio (the goal: at least 20×). Both include the fetch of the base branch and the promotion
 * branches; neither includes JSON.
 *
 * <p>Arguments: {@code [apps] [cold runs] [refresh runs]}.
 */
public final class ViewStateBenchmark {

    private ViewStateBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws Exception {
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int coldRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int refreshRuns = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path dir = Files.createTempDirectory("view-state-bench");
        try {
            run(dir, apps, coldRuns, refreshRuns);
        } finally {
            delete(dir);
        }
    }

    private static void run(Path dir, int apps, int coldRuns, int refreshRuns) throws Exception {
        SyntheticConfigRepository synthetic = SyntheticConfigRepository.of(apps);
        try (Repository remote = BareRepos.create(dir.resolve("config.git"))) {
            synthetic.seed(remote);
            synthetic.history(remote, 200, 42);
            RepositoryLocation location = RepositoryLocation.parse(dir.resolve("config.git").toString());
            PromotionEngine engine = TestEngines.cleanBoundary(new MirrorCache(dir.resolve("cache"), 60));
            System.out.printf("ViewStateBenchmark: %d apps × %d environments, %d files, 201 commits%n", apps,
                    SyntheticConfigRepository.ENVIRONMENTS.size(), synthetic.fileCount());

            newView(engine, location).status(); // fetches the mirror once; JIT warm-up
            List<Long> cold = new ArrayList<>();
            ViewState state = null;
            for (int i = 0; i < coldRuns; i++) {
                PromotionView view = newView(engine, location);
                long start = System.nanoTime();
                state = view.status();
                cold.add(System.nanoTime() - start);
                check(state.refresh().full(), "a cold build was not full");
            }
            System.out.printf("cold build:  %d runs, %d cells read, median %.1f ms%n", coldRuns, state.refresh().cellsRead(),
                    median(cold) / 1e6);

            PromotionView view = newView(engine, location);
            view.status();
            Random random = new Random(7);
            List<Long> refresh = new ArrayList<>();
            for (int i = 0; i < refreshRuns; i++) {
                String app = SyntheticConfigRepository.appName(random.nextInt(apps));
                String tag = "9.0." + i;
                PromotionResult result = engine.promote(PromotionRequest.builder(location, "dev").app(app)
                        .version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
                check(result.status() == PromotionResult.Status.PROMOTED, "the promotion did not land: " + result.reason());
                long start = System.nanoTime();
                state = view.status();
                refresh.add(System.nanoTime() - start);
                System.out.printf("  refresh %d: %.1f ms%n", i + 1, refresh.get(i) / 1e6);
                check(!state.refresh().full() && state.refresh().cellsRead() == 1, "the refresh was not incremental");
                check(tag.equals(state.cell(app, "dev").tag()), "the refresh missed the promotion");
            }
            double ratio = (double) median(cold) / median(refresh);
            System.out.printf("refresh after one promotion: %d runs, median %.1f ms%n", refreshRuns, median(refresh) / 1e6);
            System.out.printf("ratio cold / refresh: %.0f× (goal: at least 20×, %s)%n", ratio, ratio >= 20 ? "met" : "NOT met");
        }
    }

    private static PromotionView newView(PromotionEngine engine, RepositoryLocation location) {
        return new PromotionView(engine, location, GitAuth.none(), "main", Optional.empty(),
                env -> PromotionRequest.builder(location, env));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

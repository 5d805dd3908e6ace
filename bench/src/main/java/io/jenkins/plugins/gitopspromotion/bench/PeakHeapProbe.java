package io.jenkins.plugins.gitopspromotion.bench;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One promotion in a JVM of its own (started by {@link PromotionBenchmark}, usually with {@code -Xmx256m}),
 * printing the peak heap the JVM saw: the sum of every heap pool's peak usage, garbage not yet collected
 * included, so an upper bound of what the promotion needed.
 *
 * <p>Arguments: URL, cache folder, environment, app, tag, and optionally a user whose password is in the
 * environment variable {@code BENCH_GIT_PASSWORD}.
 */
public final class PeakHeapProbe {

    private PeakHeapProbe() {
    }

    /** Runs the promotion and prints {@code status=… peak-heap-bytes=…}. */
    public static void main(String[] args) throws Exception {
        GitAuth auth = args.length > 5 ? GitAuth.password(args[5], System.getenv("BENCH_GIT_PASSWORD").toCharArray()) : GitAuth.none();
        PromotionEngine engine = new PromotionEngine(new MirrorCache(Path.of(args[1]), 120));
        PromotionResult result = engine.promote(PromotionRequest.builder(RepositoryLocation.parse(args[0]), args[2])
                .app(args[3]).auth(auth).version(new VersionSource.Given(Optional.of(args[4]), Optional.empty())).build());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("status=" + result.status() + " peak-heap-bytes=" + peak + " max-heap-bytes="
                + Runtime.getRuntime().maxMemory());
    }
}

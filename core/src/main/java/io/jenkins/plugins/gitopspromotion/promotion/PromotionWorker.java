package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryFinding;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Does the work of orders on the machine they were sent to (a Jenkins agent): the mirrors live in that machine's
 * cache, and the credential boundary checked is that of the build, its own environment variables over the
 * machine's, since a build step sees both.
 */
public final class PromotionWorker {

    private final PromotionEngine engine;

    /**
     * @param cacheDir where mirrors are kept on this machine; {@code null} for {@link MirrorCache#defaultRoot()}
     * @param timeoutSeconds the network timeout
     * @param network how this machine reaches Git hosts and their APIs
     * @param buildEnvironment the build's environment variables, laid over this process's
     */
    public PromotionWorker(Path cacheDir, int timeoutSeconds, NetworkSettings network, Map<String, String> buildEnvironment) {
        this(cacheDir, timeoutSeconds, network, boundaryOfBuild(Map.copyOf(buildEnvironment)));
    }

    /**
     * @param cacheDir where mirrors are kept on this machine; {@code null} for {@link MirrorCache#defaultRoot()}
     * @param timeoutSeconds the network timeout
     * @param network how this machine reaches Git hosts and their APIs
     * @param boundary what is within reach of the promotion (see {@link CredentialBoundary#ofController})
     */
    public PromotionWorker(Path cacheDir, int timeoutSeconds, NetworkSettings network, Supplier<List<BoundaryFinding>> boundary) {
        this.engine = new PromotionEngine(new MirrorCache(cacheDir != null ? cacheDir : MirrorCache.defaultRoot(), timeoutSeconds,
                network), boundary);
    }

    private static Supplier<List<BoundaryFinding>> boundaryOfBuild(Map<String, String> environment) {
        return () -> CredentialBoundary.ofBuild(environment).findings();
    }

    /**
     * Reads each repository's deployment reports with {@code reports}, for the {@code soak} gate (the Jenkins controller,
     * where the GitOps agents' reports arrive).
     *
     * @return this worker
     */
    public PromotionWorker withReports(Function<RepositoryLocation, DeploymentTracker.Reports> reports) {
        engine.withReports(reports);
        return this;
    }

    /**
     * Runs a promotion or rollback, then cleans up the repository's moot promotion branches (closing their pull requests),
     * as the promotion view does: what was cleaned up is among the result's warnings.
     *
     * @throws IllegalArgumentException if the order's inputs are wrong
     * @throws IOException if the repository cannot be reached or the promotion fails; the message names the cause
     */
    public PromotionResult promote(PromotionOrder order) throws IOException {
        PromotionRequest request = order.request();
        PromotionResult result = engine.promote(request);
        return request.dryRun() ? result : result.withWarnings(engine.pruneAfter(request));
    }

    /**
     * The environment × app matrix of a repository.
     *
     * @throws IOException if the repository cannot be reached
     */
    public StatusReport status(RepositoryAccess access) throws IOException {
        return engine.status(access.location(), access.credentials().gitAuth(), access.base());
    }
}

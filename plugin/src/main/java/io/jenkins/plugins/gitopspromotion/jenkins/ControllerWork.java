package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.MirrorPartition;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionWorker;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * Engine work done on the controller, in its own process, for a step that needs no agent (promotions, rollbacks and
 * status, by default): on the warm mirrors under {@code JENKINS_HOME/caches/gitops-promotion}, which the promotion
 * view reads too, kept apart by the credentials they were read with, and reaching Git hosts as Jenkins is configured
 * to ({@link JenkinsNetwork}). The credential boundary is the build's environment plus the controller's own
 * credentials, which are reported but refuse nothing unless the administrator says so
 * ({@link GitOpsPromotionConfiguration#isEnforceOnController()}).
 */
final class ControllerWork {

    private ControllerWork() {
    }

    /** The controller's mirror cache: shared by the promotion view and the steps that run on the controller. */
    static Path cacheRoot() {
        return Path.of(Jenkins.get().getRootDir().getPath(), "caches", "gitops-promotion");
    }

    /**
     * How the controller reaches Git hosts now: host keys accepted on first connection are recorded in its cache.
     *
     * @throws AbortException if Jenkins' proxy configuration cannot be used
     */
    static NetworkSettings network() throws AbortException {
        return JenkinsNetwork.settings().keptIn(cacheRoot().resolve(JenkinsNetwork.HOST_KEYS));
    }

    /**
     * An engine on the controller's mirrors for {@code access}'s credentials, reaching Git hosts as the controller
     * does now ({@link #network()}), for the pages and waits that work there outside a build: the controller's own
     * credentials are reported, and refuse promotions only when the administrator says so.
     *
     * @throws AbortException if the cache cannot be made, or Jenkins' proxy configuration cannot be used
     */
    static PromotionEngine engine(RepositoryAccess access) throws AbortException {
        return engine(access, network());
    }

    /** {@link #engine(RepositoryAccess)} with the network settings given. */
    static PromotionEngine engine(RepositoryAccess access, NetworkSettings network) throws AbortException {
        try {
            MirrorCache cache = new MirrorCache(MirrorPartition.of(cacheRoot(), access.credentials()), AgentSettings.TIMEOUT_SECONDS,
                    network);
            return new PromotionEngine(cache, () -> CredentialBoundary.ofController(Map.of(),
                    GitOpsPromotionConfiguration.get().isEnforceOnController()).findings());
        } catch (IOException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Does work with mirrors read with {@code credentials}, for a build whose environment is {@code environment}. */
    static String run(Map<String, String> environment, AccessCredentials credentials, AgentSettings.Work work) throws IOException {
        Map<String, String> build = Map.copyOf(environment);
        boolean enforceOwn = GitOpsPromotionConfiguration.get().isEnforceOnController();
        return AgentSettings.answer(work, new PromotionWorker(MirrorPartition.of(cacheRoot(), credentials), AgentSettings.TIMEOUT_SECONDS,
                network(), () -> CredentialBoundary.ofController(build, enforceOwn).findings()));
    }
}

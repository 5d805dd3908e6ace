package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.MirrorPartition;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionWorker;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What work on an agent needs from the controller: the cache folder from the global configuration, the build's
 * environment variables (for the credential boundary check), and how Jenkins reaches Git hosts (git-client's host key
 * verification, Jenkins' proxy: {@link JenkinsNetwork}). Builds of several jobs share an agent, so mirrors are kept
 * apart by the credentials they were read with ({@link MirrorPartition}); host keys accepted on first connection are
 * the agent's, recorded beside them.
 */
final class AgentSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The network timeout of engine work. */
    static final int TIMEOUT_SECONDS = 60;

    private final String cacheFolder;
    private final HashMap<String, String> environment;
    private final NetworkSettings network;

    AgentSettings(String cacheFolder, Map<String, String> environment, NetworkSettings network) {
        this.cacheFolder = cacheFolder;
        this.environment = new HashMap<>(environment);
        this.network = network;
    }

    /**
     * The settings for work of a build with {@code environment}, as Jenkins is configured now.
     *
     * @throws AbortException if Jenkins' proxy configuration cannot be used
     */
    static AgentSettings of(Map<String, String> environment) throws AbortException {
        return new AgentSettings(GitOpsPromotionConfiguration.get().getCacheFolder(), environment, JenkinsNetwork.settings());
    }

    /** Work done on the agent with a worker, answering JSON. */
    @FunctionalInterface
    interface Work {
        String run(PromotionWorker worker) throws IOException;
    }

    /**
     * Does work on the agent with mirrors read with {@code credentials}. A refusal or bad input comes back as an
     * {@link AbortException} carrying the engine's message (which names the cause, never a credential): a plain
     * message, and a class every channel may carry.
     */
    String run(AccessCredentials credentials, Work work) throws IOException {
        Path root = cacheFolder == null ? MirrorCache.defaultRoot() : Path.of(cacheFolder);
        return answer(work, new PromotionWorker(MirrorPartition.of(root, credentials), TIMEOUT_SECONDS,
                network.keptIn(root.resolve(JenkinsNetwork.HOST_KEYS)), environment));
    }

    /** The work's answer; a refusal or bad input as an {@link AbortException} with the engine's message. */
    static String answer(Work work, PromotionWorker worker) throws IOException {
        try {
            return work.run(worker);
        } catch (PromotionException | IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }
}

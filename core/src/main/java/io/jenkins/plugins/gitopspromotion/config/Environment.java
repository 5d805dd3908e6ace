package io.jenkins.plugins.gitopspromotion.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment of the promotion order, as declared under {@code environments:}.
 *
 * @param name the environment's name, a valid name (it becomes part of branch names and paths)
 * @param path where the apps' files are in this environment, unless an app has its own path
 * @param mode how a promotion into this environment lands
 * @param requires the environment in which the same version must already be desired first
 * @param reviewers who to ask for review on a pull request
 * @param labels labels to put on a pull request
 * @param autoMerge whether a pull request is set to merge by itself once its checks and reviews pass
 * @param pinDigest whether every promotion into it must name the image's digest, not a tag alone
 * @param allowPlaintextSecrets whether its files may hold Kubernetes Secrets in plain text (refused otherwise)
 * @param deployments the GitOps agents' objects that deploy it, whose reports tell what runs
 * @param staleAfter how long a version may be merged without a report that it was deployed before it counts as stale
 * @param gates what must hold, beside {@code requires}, before a promotion goes in (freeze windows)
 */
public record Environment(String name, Optional<PathTemplate> path, PromotionMode mode, Optional<String> requires,
        List<String> reviewers, List<String> labels, boolean autoMerge, boolean pinDigest, boolean allowPlaintextSecrets,
        List<DeploymentObject> deployments, Duration staleAfter, Gates gates) {

    /** The mode used when the config names none. */
    public static final PromotionMode DEFAULT_MODE = PromotionMode.PULL_REQUEST;

    /** How long a merged version may go unreported before it is stale, unless the config says otherwise. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(30);

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if the name is not valid
     */
    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requires, "requires");
        reviewers = List.copyOf(reviewers);
        labels = List.copyOf(labels);
        deployments = List.copyOf(deployments);
        Objects.requireNonNull(gates, "gates");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be longer than zero");
        }
        String problem = Names.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("environment " + problem);
        }
    }

    /** An environment without gates. */
    public Environment(String name, Optional<PathTemplate> path, PromotionMode mode, Optional<String> requires,
            List<String> reviewers, List<String> labels, boolean autoMerge, boolean pinDigest, boolean allowPlaintextSecrets,
            List<DeploymentObject> deployments, Duration staleAfter) {
        this(name, path, mode, requires, reviewers, labels, autoMerge, pinDigest, allowPlaintextSecrets, deployments, staleAfter,
                Gates.NONE);
    }

    /** An environment deployed by no object the config names, stale after {@link #DEFAULT_STALE_AFTER}. */
    public Environment(String name, Optional<PathTemplate> path, PromotionMode mode, Optional<String> requires,
            List<String> reviewers, List<String> labels, boolean autoMerge, boolean pinDigest, boolean allowPlaintextSecrets) {
        this(name, path, mode, requires, reviewers, labels, autoMerge, pinDigest, allowPlaintextSecrets, List.of(),
                DEFAULT_STALE_AFTER);
    }

    /** An environment with only a name and a path, promoted through pull requests. */
    public static Environment of(String name, PathTemplate path) {
        return new Environment(name, Optional.ofNullable(path), DEFAULT_MODE, Optional.empty(), List.of(), List.of(), false, false,
                false);
    }
}

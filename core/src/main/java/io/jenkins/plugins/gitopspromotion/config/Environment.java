package io.jenkins.plugins.gitopspromotion.config;

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
 */
public record Environment(String name, Optional<PathTemplate> path, PromotionMode mode, Optional<String> requires,
        List<String> reviewers, List<String> labels, boolean autoMerge, boolean pinDigest, boolean allowPlaintextSecrets) {

    /** The mode used when the config names none. */
    public static final PromotionMode DEFAULT_MODE = PromotionMode.PULL_REQUEST;

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
        String problem = Names.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("environment " + problem);
        }
    }

    /** An environment with only a name and a path, promoted through pull requests. */
    public static Environment of(String name, PathTemplate path) {
        return new Environment(name, Optional.ofNullable(path), DEFAULT_MODE, Optional.empty(), List.of(), List.of(), false, false,
                false);
    }
}

package io.jenkins.plugins.gitopspromotion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a promotion into an environment lands, as named by {@code mode:} in the config. */
public enum PromotionMode {
    /** Commit straight to the base branch. */
    COMMIT("commit"),
    /** Push a branch and open (or update) a pull request. */
    PULL_REQUEST("pull-request"),
    /** Push a branch only; someone or something else merges it. */
    BRANCH("branch");

    private final String configName;

    PromotionMode(String configName) {
        this.configName = configName;
    }

    /** The name used in {@code .gitops/promotion.yaml}. */
    public String configName() {
        return configName;
    }

    /** The mode with this config name. */
    public static Optional<PromotionMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
    }

    /** All config names, for messages. */
    public static String configNames() {
        return Arrays.stream(values()).map(PromotionMode::configName).collect(Collectors.joining(", "));
    }
}

package io.jenkins.plugins.gitopspromotion.deploy.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a version of an app stands in an environment, from Git and the GitOps agents' reports: a promotion's life is
 * {@code pending → merged → deployed → healthy | degraded | failed}, with {@code stale} (merged, and no report in
 * time) and {@code drift} (the agent reports other images than Git says).
 */
public enum DeploymentState {
    /** Only a promotion branch or pull request has the version. */
    PENDING,
    /** The base branch has it; no report covers it yet. */
    MERGED,
    /** A report covers it: applied, health not known yet. */
    DEPLOYED,
    /** A report covers it and says it is healthy. */
    HEALTHY,
    /** A report covers it and says it has degraded. */
    DEGRADED,
    /** The agent failed to apply it. */
    FAILED,
    /** Merged longer than the environment's {@code staleAfter}, with no report that covers it. */
    STALE,
    /** The agent reports other images for the app than Git says. */
    DRIFT;

    /** The name in JSON and on the command line: lower case. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state with this name. */
    @JsonCreator
    public static DeploymentState fromJsonName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown deployment state " + name));
    }

    /** The state with this name, if there is one. */
    public static Optional<DeploymentState> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(name)).findFirst();
    }

    /** All names, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(DeploymentState::jsonName).collect(Collectors.joining(", "));
    }

    /** Whether the agent reported the version broken: failed or degraded. */
    public boolean broken() {
        return this == FAILED || this == DEGRADED;
    }

    /**
     * Whether a version in this state has got as far as {@code goal} ({@code merged}, {@code deployed} or
     * {@code healthy}): a degraded version was merged and deployed, but is not healthy; one in drift runs other images
     * than Git says, so it counts as merged only.
     */
    public boolean reaches(DeploymentState goal) {
        return switch (goal) {
            case PENDING -> true;
            case MERGED -> this != PENDING;
            case DEPLOYED -> this == DEPLOYED || this == HEALTHY || this == DEGRADED;
            case HEALTHY -> this == HEALTHY;
            default -> this == goal;
        };
    }

    /** How bad the state is, when several clusters report: the worst one is the cell's. */
    int severity() {
        return switch (this) {
            case FAILED -> 7;
            case DEGRADED -> 6;
            case DRIFT -> 5;
            case STALE -> 4;
            case MERGED -> 3;
            case PENDING -> 2;
            case DEPLOYED -> 1;
            case HEALTHY -> 0;
        };
    }
}

package io.jenkins.plugins.gitopspromotion.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics;
import io.jenkins.plugins.gitopspromotion.promotion.PrunedBranch;
import java.util.List;

/**
 * The page's whole state ({@code GET api/status}), read from the config repository's base branch, its promotion
 * branches and, when a provider is configured, their open pull requests. The JSON contract is documented in
 * {@code docs/view.md}.
 *
 * @param repository where it was read from
 * @param base the base branch
 * @param commit the base branch's tip read
 * @param configSource the config file, or how the layout was found
 * @param environments the environments, in promotion order (the columns)
 * @param apps one row per app, in the config's order
 * @param warnings what could not be read (pull requests, drift notes), for people
 * @param refresh how this state was brought up to date
 * @param metrics the delivery figures of the cells whose deployment is tracked
 * @param pruned the moot promotion branches this refresh cleaned up (their pull requests closed), or left and why
 */
@JsonPropertyOrder({"repository", "base", "commit", "configSource", "environments", "apps", "warnings", "refresh", "metrics",
    "pruned"})
public record ViewState(String repository, String base, String commit, String configSource, List<String> environments,
        List<AppRow> apps, List<String> warnings, Refresh refresh, List<DeliveryMetrics> metrics, List<PrunedBranch> pruned) {

    /**
     * How the last refresh went: what it had to read.
     *
     * @param full whether the state was built from scratch (first read, config change, rewritten base branch)
     * @param commitsRead how many commits were diffed
     * @param cellsRead how many cells were read from their files
     */
    public record Refresh(boolean full, int commitsRead, int cellsRead) {
    }

    /** The row of an app. */
    public AppRow app(String name) {
        return apps.stream().filter(a -> a.app().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + name));
    }

    /** The cell of an app in an environment. */
    public ViewCell cell(String app, String env) {
        return app(app).cells().stream().filter(c -> c.env().equals(env)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no environment " + env));
    }
}

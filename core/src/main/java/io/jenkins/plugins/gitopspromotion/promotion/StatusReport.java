package io.jenkins.plugins.gitopspromotion.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import io.jenkins.plugins.gitopspromotion.policy.HoldSummary;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The environment × app matrix of a config repository, read from Git alone: for every app and environment,
 * the versions its files hold on the base branch, and the version a promotion branch proposes, if any; and, where the
 * deployment is tracked, what the GitOps agents report of it; and the holds that keep promotions out of cells.
 *
 * @param repository where it was read from
 * @param base the base branch
 * @param commit the base branch's commit read
 * @param configSource the config file, or how the layout was found
 * @param environments the environments in promotion order
 * @param apps the apps
 * @param cells one per app and environment, apps in order, environments in promotion order
 * @param metrics the delivery figures of the cells whose deployment is tracked
 */
@JsonPropertyOrder({"repository", "base", "commit", "configSource", "environments", "apps", "cells", "metrics"})
public record StatusReport(String repository, String base, String commit, String configSource, List<String> environments,
        List<String> apps, List<Cell> cells, List<DeliveryMetrics> metrics) {

    /**
     * What one app has in one environment.
     *
     * @param env the environment
     * @param app the app
     * @param tag the tag, when all its files agree on one
     * @param digest the digest, when all its files agree on one
     * @param versions each reference found, as {@code file:line tag@digest}
     * @param pending the version a promotion branch proposes, or null
     * @param pendingBranch that branch, or null
     * @param error why nothing could be read, or null
     * @param deployment what the GitOps agents report of its version, or null when that is not tracked
     * @param hold the hold that keeps promotions out of the cell ({@code .gitops/holds.yaml}), or null
     */
    @JsonPropertyOrder({"env", "app", "tag", "digest", "versions", "pending", "pendingBranch", "error", "deployment", "hold"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cell(String env, String app, String tag, String digest, List<String> versions, String pending,
            String pendingBranch, String error, CellDeployment deployment, HoldSummary hold) {
    }

    /**
     * Reads the matrix from a tree of the base branch (or of a checked-out folder).
     *
     * @param repository where the tree comes from, for the report
     * @param base the branch, for the report
     * @param commit the commit read, for the report
     * @param pending the trees of promotion branches, by branch name
     */
    public static StatusReport read(String repository, String base, String commit, RepoTree tree, PromotionConfig config,
            ChangePlanner planner, Map<String, RepoTree> pending) throws IOException {
        List<Cell> cells = new ArrayList<>();
        HoldFile holds = HoldFile.read(tree);
        for (App app : config.apps()) {
            for (Environment environment : config.environments()) {
                cells.add(cell(tree, config, planner, app, environment, pending, HoldSummary.of(holds, app.name(),
                        environment.name())));
            }
        }
        return new StatusReport(repository, base, commit, config.source(),
                config.environments().stream().map(Environment::name).toList(), config.apps().stream().map(App::name).toList(),
                cells, List.of());
    }

    /**
     * This report with each cell's deployment and the figures.
     *
     * @param deployment the deployment of a cell ({@code env}, {@code app}), or null when it is not tracked
     */
    public StatusReport withDeployments(BiFunction<String, String, CellDeployment> deployment, List<DeliveryMetrics> figures) {
        return new StatusReport(repository, base, commit, configSource, environments, apps, cells.stream()
                .map(c -> new Cell(c.env(), c.app(), c.tag(), c.digest(), c.versions(), c.pending(), c.pendingBranch(), c.error(),
                        deployment.apply(c.env(), c.app()), c.hold()))
                .toList(), List.copyOf(figures));
    }

    private static Cell cell(RepoTree tree, PromotionConfig config, ChangePlanner planner, App app, Environment environment,
            Map<String, RepoTree> pending, HoldSummary hold) throws IOException {
        String branch = PromotionEngine.branchFor(environment.name(), app.name());
        String proposed = null;
        if (pending.containsKey(branch)) {
            try {
                proposed = label(planner.current(pending.get(branch), config, app, environment));
            } catch (RuntimeException e) {
                proposed = "unreadable: " + e.getMessage();
            }
        }
        try {
            List<ImageVersion> versions = planner.current(tree, config, app, environment);
            boolean agree = versions.stream().map(ImageVersion::describe).distinct().count() == 1;
            ImageVersion first = versions.isEmpty() ? null : versions.get(0);
            return new Cell(environment.name(), app.name(),
                    agree ? first.tag().orElse(null) : null,
                    agree ? first.digest().map(Object::toString).orElse(null) : null,
                    versions.stream().map(v -> v.file() + ":" + v.line() + " " + v.describe()).toList(),
                    proposed, proposed == null ? null : branch, null, null, hold);
        } catch (RuntimeException e) {
            return new Cell(environment.name(), app.name(), null, null, List.of(), proposed,
                    proposed == null ? null : branch, e.getMessage(), null, hold);
        }
    }

    private static String label(List<ImageVersion> versions) {
        return String.join(", ", versions.stream().map(ImageVersion::describe).distinct().toList());
    }

    /** The cell of an app in an environment. */
    public Cell cell(String app, String env) {
        return cells.stream().filter(c -> c.app().equals(app) && c.env().equals(env)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell for " + app + " in " + env));
    }

    /** The report as indented JSON. */
    public String toJson() {
        return Json.writeIndented(this, "a status report");
    }
}

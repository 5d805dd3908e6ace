package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.History;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.StatusReport;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The deployment state and delivery figures of a repository's cells, from the reports kept (a {@link DeploymentStore},
 * or what a running {@code serve} keeps) and, where a Git host is configured, the commit statuses of the base branch's
 * newest commits. Used with a mirror session open (the view's refresh, {@code status}); remembers each cell's history
 * until the commit that set its version changes, so that a refresh reads Git again only for cells that changed.
 * Thread-safe.
 */
public final class DeploymentTracker {

    /** The reports kept, read when the state is. */
    @FunctionalInterface
    public interface Reports {
        /** Every report kept. */
        List<DeploymentReport> get() throws IOException;
    }

    /**
     * The deployment of the cells asked about, and their figures.
     *
     * @param deployments the deployment of each tracked cell (a cell of an environment without {@code deployments:}
     *     that no report is about is not tracked)
     * @param metrics the delivery figures of each tracked cell, in the order asked
     */
    public record Snapshot(Map<CellRef, CellDeployment> deployments, List<DeliveryMetrics> metrics) {
    }

    private record Cached(String key, CellHistory history) {
    }

    /**
     * The status report with the deployment of each tracked cell and the figures.
     *
     * @param report the report
     * @param warnings what could not be read (commit statuses)
     */
    public record Status(StatusReport report, List<String> warnings) {
    }

    private final Reports reports;
    private final Optional<CommitStatusReader> statuses;
    private final Clock clock;
    private final ChangePlanner planner = new ChangePlanner(YamlLimits.DEFAULT);
    private final Map<CellRef, Cached> histories = new HashMap<>();

    /**
     * @param reports the reports kept
     * @param statuses reads the commit statuses of the Git host, when one is configured with a token
     * @param clock the time, for staleness and the figures' window
     */
    public DeploymentTracker(Reports reports, Optional<CommitStatusReader> statuses, Clock clock) {
        this.reports = reports;
        this.statuses = statuses;
        this.clock = clock;
    }

    /**
     * The environment × app matrix of a repository's base branch ({@link PromotionEngine#status}) with each tracked cell's
     * deployment and the figures, read in one mirror session.
     *
     * @throws IOException if the repository cannot be reached or the reports cannot be read
     */
    public synchronized Status status(PromotionEngine engine, RepositoryLocation repository, GitAuth auth, String base) throws IOException {
        return engine.withMirror(repository, auth, List.of(base, PromotionEngine.BRANCH_PREFIX + "*"), mirror -> {
            StatusReport report = engine.status(mirror, base);
            RevCommit tip = mirror.branch(base).orElseThrow();
            PromotionConfig config = engine.config(new GitTree(mirror.repository(), tip));
            Set<CellRef> tracked = tracked(config);
            List<CellVersion> versions = new ArrayList<>();
            for (StatusReport.Cell cell : report.cells()) {
                CellRef ref = new CellRef(cell.env(), cell.app());
                if (!tracked.contains(ref)) {
                    continue;
                }
                if (cell.versions().isEmpty() && cell.pending() != null) {
                    versions.add(CellVersion.pending(ref, cell.pending(), null));
                } else {
                    read(mirror.repository(), mirror.history(base), tip, config, ref, h -> h.version().setBy()).map(CellHistory::version)
                            .ifPresent(versions::add);
                }
            }
            List<String> warnings = new ArrayList<>();
            Snapshot snapshot = track(mirror.repository(), mirror.history(base), tip, config, versions, warnings);
            return new Status(report.withDeployments((env, app) -> snapshot.deployments().get(new CellRef(env, app)),
                    snapshot.metrics()), warnings);
        });
    }

    /**
     * The cells worth tracking: those of environments with {@code deployments:}, and those a report is about.
     *
     * @throws IOException if the reports cannot be read
     */
    public Set<CellRef> tracked(PromotionConfig config) throws IOException {
        Set<CellRef> cells = new HashSet<>();
        config.environments().stream().filter(e -> !e.deployments().isEmpty())
                .forEach(e -> config.apps().forEach(a -> cells.add(new CellRef(e.name(), a.name()))));
        DeploymentMapping mapping = new DeploymentMapping(config);
        reports.get().forEach(r -> cells.addAll(mapping.map(r).cells()));
        return cells;
    }

    /**
     * The deployment and figures of cells, with the repository's mirror open at the base branch's tip.
     *
     * @param history the base branch's history, deepened where a cell's promotions are read
     * @param cells what Git says of each cell
     * @param warnings receives what could not be read (commit statuses)
     * @throws IOException if the reports or the mirror cannot be read
     */
    public synchronized Snapshot track(Repository repository, History history, RevCommit tip, PromotionConfig config, List<CellVersion> cells,
            List<String> warnings) throws IOException {
        Instant now = clock.instant();
        List<DeploymentReport> all = new ArrayList<>(reports.get());
        if (statuses.isPresent() && new DeploymentMapping(config).declared()) {
            all.addAll(statuses.get().read(repository, tip, null, warnings));
        }
        GitAncestry ancestry = new GitAncestry(repository);
        DeploymentStates states = new DeploymentStates(new DeploymentMapping(config), all, ancestry, now);
        Map<CellRef, CellDeployment> deployments = new LinkedHashMap<>();
        List<DeliveryMetrics> metrics = new ArrayList<>();
        for (CellVersion version : cells) {
            Optional<CellDeployment> deployment = states.of(version);
            if (deployment.isEmpty()) {
                continue;
            }
            deployments.put(version.cell(), deployment.get());
            if (!version.pendingOnly()) {
                List<CellHistory.Promotion> promotions = history(repository, history, tip, config, version).map(CellHistory::promotions)
                        .orElse(List.of());
                metrics.add(DeliveryFigures.of(version.cell(), promotions, states.reports(version.cell()), ancestry, now));
            }
        }
        histories.keySet().retainAll(deployments.keySet());
        return new Snapshot(deployments, metrics);
    }

    /** A cell's history, read again only when the commit that set its version is another than last time. */
    private Optional<CellHistory> history(Repository repository, History history, RevCommit tip, PromotionConfig config,
            CellVersion version) throws IOException {
        Cached cached = histories.get(version.cell());
        if (cached != null && Objects.equals(cached.key(), version.setBy())) {
            return Optional.of(cached.history());
        }
        return read(repository, history, tip, config, version.cell(), h -> version.setBy());
    }

    /**
     * Reads a cell's history and remembers it under {@code key}: the commit the caller knows as the one that set the
     * version (the view's, from first parents, which may be a merge of the commit the history finds).
     */
    private Optional<CellHistory> read(Repository repository, History history, RevCommit tip, PromotionConfig config,
            CellRef cell, Function<CellHistory, String> key) throws IOException {
        Optional<CellHistory> found = CellHistory.read(repository, history, tip, config, config.app(cell.app()).orElseThrow(),
                config.environment(cell.env()).orElseThrow(), planner);
        found.ifPresent(h -> histories.put(cell, new Cached(key.apply(h), h)));
        return found;
    }
}

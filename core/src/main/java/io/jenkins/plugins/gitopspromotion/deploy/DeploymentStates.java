package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.ClusterDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each cell's deployment state from what Git says of it and the reports about it. Per cluster, the latest report
 * that says more than "seen" decides: it covers the version when its revision is the commit that set it or a
 * descendant (never an ancestor); a covering report says deployed, healthy or degraded (or drift, when the images it
 * names differ from Git's); a failure counts when it covers the version, or names no revision and came after the
 * merge. Without a covering report the version is merged, and stale once the environment's {@code staleAfter} has
 * passed. The cell's state is the worst of its clusters'. A cell of an environment without {@code deployments:} and
 * without reports is not tracked: it has no deployment state.
 */
public final class DeploymentStates {

    private static final Comparator<DeploymentReport> NEWEST_LAST = Comparator.comparing(DeploymentReport::reported)
            .thenComparing(DeploymentReport::receivedAt);

    private final DeploymentMapping mapping;
    private final Ancestry ancestry;
    private final Instant now;
    private final Map<CellRef, List<DeploymentReport>> byCell = new HashMap<>();

    /**
     * @param mapping maps reports to cells
     * @param reports every report (stored and read from commit statuses)
     * @param ancestry compares revisions with the commits that set versions
     * @param now the time, for staleness
     */
    public DeploymentStates(DeploymentMapping mapping, List<DeploymentReport> reports, Ancestry ancestry, Instant now) {
        this.mapping = mapping;
        this.ancestry = ancestry;
        this.now = now;
        for (DeploymentReport report : reports) {
            for (CellRef cell : mapping.map(report).cells()) {
                byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(report);
            }
        }
    }

    /** The reports about a cell, oldest first. */
    public List<DeploymentReport> reports(CellRef cell) {
        return byCell.getOrDefault(cell, List.of()).stream().sorted(NEWEST_LAST).toList();
    }

    /** A cell's deployment, or empty when it is not tracked. */
    public Optional<CellDeployment> of(CellVersion version) {
        Optional<Environment> environment = mapping.config().environment(version.cell().env());
        List<DeploymentReport> reports = reports(version.cell());
        if (environment.isEmpty() || environment.get().deployments().isEmpty() && reports.isEmpty()) {
            return Optional.empty();
        }
        if (version.pendingOnly()) {
            return Optional.of(CellDeployment.unreported(DeploymentState.PENDING, "only the promotion branch has "
                    + version.label() + "; it is not on the base branch yet", List.of()));
        }
        List<ClusterDeployment> clusters = new ArrayList<>();
        byCluster(reports).forEach((cluster, said) -> clusters.add(cluster(cluster, said, version, environment.get())));
        if (clusters.isEmpty()) {
            DeploymentState state = unreported(version, environment.get());
            return Optional.of(CellDeployment.unreported(state, describeUnreported(state, version, environment.get())
                    + "; no report yet", List.of()));
        }
        return Optional.of(CellDeployment.of(clusters));
    }

    /**
     * Since when a cell's version has been healthy without a break, for a soak: per cluster, the first healthy report
     * covering it after the last one that said otherwise (degraded, failed, or images other than Git's); the latest of
     * the clusters' times. Empty unless the cell is healthy now.
     */
    public Optional<Instant> healthySince(CellVersion version) {
        if (of(version).map(d -> d.state() != DeploymentState.HEALTHY).orElse(true)) {
            return Optional.empty();
        }
        Instant since = null;
        for (List<DeploymentReport> said : byCluster(reports(version.cell())).values()) {
            Instant cluster = null;
            for (DeploymentReport report : said) {
                boolean covers = report.revision() != null && ancestry.of(version.setBy(), report.revision()) == Ancestry.Relation.COVERS;
                boolean failed = report.signal() == Signal.FAILED && (covers || report.revision() == null);
                if (failed || covers && (report.signal() == Signal.DEGRADED || drift(report, version).isPresent())) {
                    cluster = null; // a break: the soak starts again
                } else if (covers && report.signal() == Signal.HEALTHY && cluster == null) {
                    cluster = report.reported();
                }
            }
            if (cluster == null) {
                return Optional.empty();
            }
            since = since == null || cluster.isAfter(since) ? cluster : since;
        }
        return Optional.ofNullable(since);
    }

    /** Reports by the cluster (or object) they come from, each list oldest first. */
    private static Map<String, List<DeploymentReport>> byCluster(List<DeploymentReport> reports) {
        Map<String, List<DeploymentReport>> byCluster = new LinkedHashMap<>();
        reports.forEach(r -> byCluster.computeIfAbsent(r.clusterOrObject(), c -> new ArrayList<>()).add(r));
        return byCluster;
    }

    /** One cluster's state from its reports, oldest first. */
    private ClusterDeployment cluster(String cluster, List<DeploymentReport> said, CellVersion version, Environment environment) {
        DeploymentReport latest = said.get(said.size() - 1);
        DeploymentReport decisive = said.stream().filter(r -> r.signal() != Signal.PROGRESSING).reduce((a, b) -> b).orElse(latest);
        Ancestry.Relation relation = decisive.revision() == null ? Ancestry.Relation.UNKNOWN
                : ancestry.of(version.setBy(), decisive.revision());
        boolean afterMerge = version.mergedAt() == null || !decisive.reported().isBefore(version.mergedAt());
        if (decisive.signal() == Signal.FAILED && (relation == Ancestry.Relation.COVERS
                || decisive.revision() == null && afterMerge)) {
            return of(cluster, DeploymentState.FAILED, decisive, decisive.message());
        }
        if (relation == Ancestry.Relation.COVERS && decisive.signal().applied()) {
            if (decisive.signal() == Signal.DEGRADED) {
                return of(cluster, DeploymentState.DEGRADED, decisive, decisive.message());
            }
            Optional<String> drift = drift(decisive, version);
            if (drift.isPresent()) {
                return of(cluster, DeploymentState.DRIFT, decisive, drift.get());
            }
            return of(cluster, decisive.signal() == Signal.HEALTHY ? DeploymentState.HEALTHY : DeploymentState.DEPLOYED, decisive,
                    decisive.message());
        }
        DeploymentState state = unreported(version, environment);
        String about = decisive.revision() == null ? "names no revision"
                : relation == Ancestry.Relation.UNKNOWN ? "is about " + shortId(decisive.revision()) + ", a commit not fetched yet"
                : "is about " + shortId(decisive.revision()) + ", which does not contain " + version.label()
                        + (decisive.signal() == Signal.PROGRESSING ? "" : " yet");
        return of(cluster, state, decisive, describeUnreported(state, version, environment) + "; the latest report ("
                + decisive.signal().jsonName() + ") " + about + ": " + decisive.message());
    }

    private DeploymentState unreported(CellVersion version, Environment environment) {
        return version.mergedAt() != null && Duration.between(version.mergedAt(), now).compareTo(environment.staleAfter()) > 0
                ? DeploymentState.STALE : DeploymentState.MERGED;
    }

    private String describeUnreported(DeploymentState state, CellVersion version, Environment environment) {
        if (state == DeploymentState.STALE) {
            return version.label() + " was merged " + Duration.between(version.mergedAt(), now).toMinutes()
                    + " minutes ago, longer than staleAfter " + environment.staleAfter().toMinutes() + "m, and no report covers it";
        }
        return version.label() + " is merged, and no report covers it";
    }

    /** The images the report names for the app that differ from Git's version, if any. */
    private Optional<String> drift(DeploymentReport report, CellVersion version) {
        Optional<App> app = mapping.config().app(version.cell().app());
        if (app.isEmpty() || report.images().isEmpty()) {
            return Optional.empty();
        }
        List<String> other = new ArrayList<>();
        for (String written : report.images()) {
            ImageReference image;
            try {
                image = ImageReference.parse(written);
            } catch (InvalidImageReferenceException e) {
                continue; // not an image reference we can compare
            }
            if (!app.get().names().names(image)) {
                continue;
            }
            boolean differs = version.digest().isPresent() && image.digest().isPresent()
                    ? !version.digest().get().equals(image.digest().get().toString())
                    : version.tag().isPresent() && image.tag().isPresent() && !version.tag().get().equals(image.tag().get());
            if (differs) {
                other.add(written);
            }
        }
        return other.isEmpty() ? Optional.empty() : Optional.of(report.clusterOrObject() + " runs " + String.join(", ", other)
                + ", but Git says " + version.label());
    }

    private static ClusterDeployment of(String cluster, DeploymentState state, DeploymentReport report, String message) {
        return new ClusterDeployment(cluster, state, report.revision(), report.reportedAt(), report.source().jsonName(), message);
    }

    private static String shortId(String revision) {
        return revision.substring(0, Math.min(10, revision.length()));
    }
}

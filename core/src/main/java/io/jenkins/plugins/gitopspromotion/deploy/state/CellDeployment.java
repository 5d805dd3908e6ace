package io.jenkins.plugins.gitopspromotion.deploy.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * Where a cell's version stands: the worst of what its clusters report (a failure anywhere is the cell's), with the
 * report that says so, and every cluster's own state.
 *
 * @param state the cell's state
 * @param revision the commit the deciding report was about, or null
 * @param reportedAt when it was reported, ISO-8601 UTC, or null when no report decided the state
 * @param source the deciding report's kind, or null
 * @param cluster the deciding report's cluster, or null
 * @param message what the deciding report said, or why the state is what it is
 * @param clusters every cluster's state, in the order of their names
 */
@JsonPropertyOrder({"state", "revision", "reportedAt", "source", "cluster", "message", "clusters"})
public record CellDeployment(DeploymentState state, String revision, String reportedAt, String source, String cluster,
        String message, List<ClusterDeployment> clusters) {

    /** Copies the list. */
    public CellDeployment {
        clusters = List.copyOf(clusters);
    }

    /** A state no report decided (pending, merged, stale), with why. */
    public static CellDeployment unreported(DeploymentState state, String message, List<ClusterDeployment> clusters) {
        return new CellDeployment(state, null, null, null, null, message, clusters);
    }

    /**
     * The cell's deployment from its clusters': the worst state, the latest report among equally bad ones.
     *
     * @param clusters at least one
     */
    public static CellDeployment of(List<ClusterDeployment> clusters) {
        ClusterDeployment worst = clusters.stream()
                .max(Comparator.<ClusterDeployment>comparingInt(c -> c.state().severity())
                        .thenComparing(c -> c.reportedAt() == null ? "" : c.reportedAt()))
                .orElseThrow(() -> new IllegalArgumentException("a cell's deployment needs a cluster"));
        return new CellDeployment(worst.state(), worst.revision(), worst.reportedAt(), worst.source(), worst.cluster(),
                worst.message(), clusters.stream().sorted(Comparator.comparing(ClusterDeployment::cluster)).toList());
    }
}

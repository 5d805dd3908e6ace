package io.jenkins.plugins.gitopspromotion.deploy.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one cluster (or one agent's object, when the report names no cluster) last said about a cell.
 *
 * @param cluster the cluster as the report names it ({@code eventMetadata.cluster}, the Argo CD template's context),
 *     else the object that reported, e.g. {@code Kustomization flux-system/apps}
 * @param state the version's state there
 * @param revision the commit the report was about, or null
 * @param reportedAt when the agent reported, ISO-8601 UTC, or null
 * @param source which kind of report it was: {@code flux}, {@code argocd}, {@code generic} or {@code commit-status}
 * @param message what the agent said, or why the state is what it is
 */
@JsonPropertyOrder({"cluster", "state", "revision", "reportedAt", "source", "message"})
public record ClusterDeployment(String cluster, DeploymentState state, String revision, String reportedAt, String source,
        String message) {
}

package io.jenkins.plugins.gitopspromotion.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One authenticated report of a GitOps agent about an object it deploys: which revision of the config repository it
 * is about and what it says. Reports are kept by {@link DeploymentStore} and mapped to cells by
 * {@link DeploymentMapping}.
 *
 * @param id what identifies the report: the SHA-256 of the body received (so that a replay is recognised), or of the
 *     commit status read
 * @param source where it came from
 * @param kind the reporting object's kind ({@code Kustomization}, {@code Application}), or null for a generic report
 * @param namespace the object's namespace, or null when the report does not say
 * @param name the object's name, or null for a generic report
 * @param env the environment a generic report names, else null
 * @param app the app a generic report names, else null
 * @param cluster the cluster the report names, or null
 * @param revision the config repository's commit (40 hex digits) the report is about, or null when it names none
 * @param signal what it says
 * @param message the agent's own words
 * @param reportedAt when the agent reported, ISO-8601 UTC
 * @param receivedAt when it was received (or read), ISO-8601 UTC
 * @param images the images the agent says run, where it says ({@code summary.images}), else empty
 */
@JsonPropertyOrder({"id", "source", "kind", "namespace", "name", "env", "app", "cluster", "revision", "signal", "message",
        "reportedAt", "receivedAt", "images"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentReport(String id, ReportSource source, String kind, String namespace, String name, String env,
        String app, String cluster, String revision, Signal signal, String message, String reportedAt, String receivedAt,
        List<String> images) {

    /** The longest message kept: an agent's message can be long (Flux allows 39,000 characters). */
    public static final int MAX_MESSAGE = 1_000;

    /** Checks the parts, cuts the message and copies the images. */
    public DeploymentReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        message = message == null ? "" : message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** When the agent reported. */
    public Instant reported() {
        return Instant.parse(reportedAt);
    }

    /** The object that reported, as people read it: {@code Kustomization flux-system/apps}, or the cell. */
    public String object() {
        if (kind == null) {
            return "cell " + app + " in " + env;
        }
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    /** The cluster, else the object that reported: what tells one cluster's reports from another's. */
    public String clusterOrObject() {
        return cluster != null && !cluster.isBlank() ? cluster : object();
    }
}

package io.jenkins.plugins.gitopspromotion.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the events Flux's notification-controller forwards to a {@code generic-hmac} provider: the {@code Event} of
 * {@code fluxcd/pkg/apis/event/v1beta1} ({@code involvedObject}, {@code severity}, {@code timestamp}, {@code message},
 * {@code reason}, {@code metadata}, {@code reportingController}). The controller strips the {@code <group>/} prefix the
 * controllers put on metadata keys and adds the Alert's {@code eventMetadata} ({@code env}, {@code cluster}); both forms
 * of each key are read.
 *
 * <p>What kustomize-controller's events say: an error with reason {@code HealthCheckFailed} means the applied workloads
 * are unhealthy (degraded), any other error a failure to build or apply; {@code ReconciliationSucceeded} means the
 * Kustomization is Ready (with {@code wait: true} or {@code healthChecks}, its workloads healthy too), as does "Health
 * check passed"; other information events (the change set applied) mean deployed.
 */
final class FluxEvents {

    /** The group kustomize-controller prefixes its metadata keys with, when the object's apiVersion does not say. */
    private static final String KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";

    /** The keys that may hold the revision, in the order Flux's own {@code Event.GetRevision} reads them. */
    private static final List<String> REVISION_KEYS = List.of("commit", "originRevision", "revision");

    private FluxEvents() {
    }

    /**
     * The report in an event.
     *
     * @param id the report's id (the body's hash)
     * @throws MalformedReportException if the body is not a Flux event
     */
    static DeploymentReport read(byte[] body, String id, Instant receivedAt) throws MalformedReportException {
        ReportJson event = ReportJson.parse("a Flux event", body);
        ReportJson object = event.object("involvedObject");
        String kind = object.text("kind");
        String name = object.text("name");
        Optional<String> namespace = object.optionalText("namespace");
        String severity = event.text("severity");
        if (!List.of("trace", "info", "error").contains(severity)) {
            throw new MalformedReportException("severity is not trace, info or error in a Flux event");
        }
        Instant timestamp = event.time("timestamp");
        String reason = event.text("reason");
        event.text("reportingController");
        String message = event.optionalText("message").orElse("");
        Map<String, String> metadata = event.textMap("metadata");
        String group = object.optionalText("apiVersion").filter(v -> v.contains("/")).map(v -> v.substring(0, v.indexOf('/')))
                .orElse(KUSTOMIZE_GROUP);
        String revision = null;
        for (String key : REVISION_KEYS) {
            Optional<String> commit = Revisions.commit(metadata.getOrDefault(key, metadata.get(group + "/" + key)));
            if (commit.isPresent()) {
                revision = commit.get();
                break;
            }
        }
        return new DeploymentReport(id, ReportSource.FLUX, kind, namespace.orElse(null), name, metadata.get("env"), null,
                metadata.get("cluster"), revision, signal(severity, reason, message), reason + ": " + message,
                timestamp.toString(), receivedAt.toString(), List.of());
    }

    /** What an event says, by severity and reason (kustomize-controller's Ready reason). */
    static Signal signal(String severity, String reason, String message) {
        if (severity.equals("error")) {
            return reason.equals("HealthCheckFailed") ? Signal.DEGRADED : Signal.FAILED;
        }
        if (severity.equals("trace")) {
            return Signal.PROGRESSING;
        }
        return reason.equals("ReconciliationSucceeded") || message.startsWith("Health check passed") ? Signal.HEALTHY
                : Signal.DEPLOYED;
    }
}

package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.pr.CommitStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports in the statuses agents post on the config repository's commits. Flux's notification-controller posts
 * {@code kustomization/<name>/<id>} ({@code <id>}: the start of its Provider's UID, one per cluster; Bitbucket names
 * it {@code kustomization/<name>} and keys it by a hash) with success or failure and the event's reason as the
 * description ({@code reconciliation succeeded}, {@code health check failed}); Argo CD's notifications post
 * {@code continuous-delivery/<application>}, whose description says {@code Healthy} or {@code Degraded} with the
 * template in {@code docs/deployments.md}. Other statuses (builds, checks) are not reports.
 */
final class CommitStatusReports {

    private static final Pattern FLUX = Pattern.compile("kustomization/([a-z0-9.-]+)(?:/([a-z0-9]+))?");
    private static final Pattern ARGOCD = Pattern.compile("continuous-delivery/([a-z0-9.-]+)");

    private CommitStatusReports() {
    }

    /**
     * The reports among the statuses of a commit.
     *
     * @param sha the commit they are posted on
     * @param readAt when they were read
     */
    static List<DeploymentReport> of(String sha, List<CommitStatus> statuses, Instant readAt) {
        List<DeploymentReport> reports = new ArrayList<>();
        for (CommitStatus status : statuses) {
            report(sha, status, readAt).ifPresent(reports::add);
        }
        return reports;
    }

    private static Optional<DeploymentReport> report(String sha, CommitStatus status, Instant readAt) {
        String context = status.context().toLowerCase(Locale.ROOT);
        String description = status.description().toLowerCase(Locale.ROOT);
        Matcher flux = FLUX.matcher(context);
        Matcher argo = ARGOCD.matcher(context);
        String kind;
        String name;
        String cluster;
        Signal signal;
        if (flux.matches()) {
            kind = "Kustomization";
            name = flux.group(1);
            String provider = flux.group(2) != null ? flux.group(2) : status.key().equals(status.context()) ? null : status.key();
            cluster = provider == null ? null : "flux:" + provider.substring(0, Math.min(8, provider.length()));
            signal = signal(status.state(), description.contains("reconciliation succeeded") || description.contains("health check passed"),
                    description.contains("health check failed"));
        } else if (argo.matches()) {
            kind = "Application";
            name = argo.group(1);
            cluster = null;
            signal = signal(status.state(), description.contains("healthy"), description.contains("degraded"));
        } else {
            return Optional.empty();
        }
        String reportedAt = time(status.updatedAt()).orElse(readAt).toString();
        String identity = String.join("\n", "commit-status", sha, status.context(), status.key(), status.state().name(),
                status.description(), status.updatedAt());
        return Optional.of(new DeploymentReport(HexFormat.of().formatHex(HookKeys.sha256(identity.getBytes(StandardCharsets.UTF_8))),
                ReportSource.COMMIT_STATUS, kind, null, name, null, null, cluster, sha, signal,
                status.context() + " " + status.state().name().toLowerCase(Locale.ROOT)
                        + (status.description().isEmpty() ? "" : ": " + status.description()),
                reportedAt, readAt.toString(), List.of()));
    }

    private static Signal signal(CommitStatus.State state, boolean healthy, boolean degraded) {
        return switch (state) {
            case SUCCESS -> healthy ? Signal.HEALTHY : Signal.DEPLOYED;
            case FAILURE, ERROR -> degraded ? Signal.DEGRADED : Signal.FAILED;
            case PENDING -> Signal.PROGRESSING;
        };
    }

    private static Optional<Instant> time(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Reads what Argo CD notifications' {@code webhook} service posts with the template in {@code docs/deployments.md}:
 * {@code app}, {@code namespace}, {@code env}, {@code cluster}, {@code syncStatus}, {@code syncRevision},
 * {@code operationPhase}, {@code operationRevision}, {@code healthStatus}, {@code message}, {@code images} (the
 * Application's {@code status.summary.images}) and {@code reportedAt}; for an Application of several sources also
 * {@code sourceRepos} (each source's {@code repoURL}), {@code syncRevisions} and {@code operationRevisions}.
 *
 * <p>An operation that {@code Failed} or met an {@code Error} is a failure; health {@code Degraded} is degraded;
 * {@code Synced} and {@code Healthy} is healthy; {@code Synced} (or an operation that {@code Succeeded}) with health
 * still progressing is deployed; anything else (out of sync, a sync running) means seen, not applied.
 */
final class ArgoCdNotifications {

    private ArgoCdNotifications() {
    }

    /**
     * The report in a notification.
     *
     * @param id the report's id (the body's hash)
     * @param repository the config repository, whose source's revision is the one that counts
     * @throws MalformedReportException if the body is not our template's
     */
    static DeploymentReport read(byte[] body, String id, Instant receivedAt, RepositoryLocation repository)
            throws MalformedReportException {
        ReportJson notification = ReportJson.parse("an Argo CD notification (the template in docs/deployments.md)", body);
        String app = notification.text("app");
        Instant reportedAt = notification.time("reportedAt");
        boolean synced = notification.optionalText("syncStatus").filter("Synced"::equals).isPresent();
        Optional<String> phase = notification.optionalText("operationPhase");
        Optional<String> health = notification.optionalText("healthStatus");
        List<String> sources = notification.textList("sourceRepos");
        Optional<String> syncRevision;
        Optional<String> operationRevision;
        if (sources.isEmpty()) {
            syncRevision = notification.optionalText("syncRevision");
            operationRevision = notification.optionalText("operationRevision");
        } else {
            OptionalInt ours = ourSource(sources, notification.textList("syncRevisions"), repository);
            syncRevision = revision(notification.textList("syncRevisions"), ours);
            operationRevision = revision(notification.textList("operationRevisions"), ours);
        }
        Signal signal;
        if (phase.filter(p -> p.equals("Failed") || p.equals("Error")).isPresent()) {
            signal = Signal.FAILED;
        } else if (health.filter("Degraded"::equals).isPresent()) {
            signal = Signal.DEGRADED;
        } else if (synced && health.filter("Healthy"::equals).isPresent()) {
            signal = Signal.HEALTHY;
        } else if (synced || phase.filter("Succeeded"::equals).isPresent()) {
            signal = Signal.DEPLOYED;
        } else {
            signal = Signal.PROGRESSING;
        }
        // Synced: the live state is the sync revision; otherwise the operation's revision is what was tried.
        Optional<String> revision = synced ? syncRevision.or(() -> operationRevision) : operationRevision.or(() -> syncRevision);
        String said = String.join(", ", List.of("sync " + notification.optionalText("syncStatus").orElse("unknown"),
                "health " + health.orElse("unknown"), "operation " + phase.orElse("none")));
        String message = notification.optionalText("message").map(m -> said + ": " + m).orElse(said);
        return new DeploymentReport(id, ReportSource.ARGOCD, "Application", notification.optionalText("namespace").orElse(null),
                app, notification.optionalText("env").orElse(null), null, notification.optionalText("cluster").orElse(null),
                revision.flatMap(Revisions::commit).orElse(null), signal, message, reportedAt.toString(), receivedAt.toString(),
                notification.textList("images"));
    }

    /**
     * Which of an Application's sources is the config repository: the one whose {@code repoURL} names it, else the one
     * source whose revision is a commit (a chart from a Helm repository beside values from Git, where the two URLs are
     * written as this tool cannot match, e.g. Azure DevOps' SSH form); none when that is not one source.
     */
    private static OptionalInt ourSource(List<String> sources, List<String> revisions, RepositoryLocation repository) {
        OptionalInt named = IntStream.range(0, sources.size()).filter(i -> repository.names(sources.get(i))).findFirst();
        if (named.isPresent()) {
            return named;
        }
        int[] commits = IntStream.range(0, revisions.size()).filter(i -> Revisions.commit(revisions.get(i)).isPresent()).toArray();
        return commits.length == 1 ? OptionalInt.of(commits[0]) : OptionalInt.empty();
    }

    private static Optional<String> revision(List<String> revisions, OptionalInt source) {
        return source.isPresent() && source.getAsInt() < revisions.size() ? Optional.of(revisions.get(source.getAsInt()))
                .filter(r -> !r.isEmpty()) : Optional.empty();
    }
}

package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Receives the agents' hooks for one config repository, independent of any HTTP server: {@code serve} and the Jenkins
 * plugin hand it the raw body and the request's headers, and send back the answer. A report is recorded only when it
 * is authentic (Flux and generic: {@code X-Signature}, the HMAC of the raw body under a key; Argo CD, which cannot
 * sign: {@code Authorization: Bearer <key>}; compared in constant time, two keys active while rotating), at most
 * {@value #MAX_BODY} bytes, well formed, reported within ±10 minutes of this server's clock, not a replay of a body
 * received before, and about an object the config's {@code deployments:} list. It never changes Git.
 *
 * <p>Answers: 202 recorded; 200 a duplicate, or ignored with the reason (another object, no revision); 400 malformed
 * or out of the time window; 401 unauthenticated; 404 no keys for that source; 413 too large; 503 the store could not
 * write. Nothing but a 202 changes anything. No answer or message names a key.
 */
public final class HookReceiver {

    /** The largest body read: 1 MiB. */
    public static final int MAX_BODY = 1 << 20;

    /** How far a report's time may be from this server's: outside it, a replay or a clock out of step. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    /** The mapping of reports to cells, read from the config repository when asked. */
    @FunctionalInterface
    public interface MappingSource {
        /** The mapping of the base branch's current config. */
        DeploymentMapping get() throws IOException;
    }

    /**
     * An answer.
     *
     * @param status the HTTP status code
     * @param json the body, a JSON object
     */
    public record Answer(int status, String json) {

        static Answer of(int status, Map<String, Object> fields) {
            return new Answer(status, Json.write(fields, "a hook's answer"));
        }

        /** {@code {"error": message}}. */
        public static Answer error(int status, String message) {
            return of(status, Map.of("error", message));
        }

        /** {@code {"status": status, "reason": reason}}, in that order. */
        static Answer unrecorded(String status, String reason) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", status);
            fields.put("reason", reason);
            return of(200, fields);
        }
    }

    private final DeploymentStore store;
    private final RepositoryLocation repository;
    private final Map<ReportSource, HookKeys> keys;
    private final MappingSource mapping;
    private final Clock clock;

    /**
     * @param store where reports are recorded
     * @param repository the config repository the reports are about (an Argo CD Application may have other sources)
     * @param keys the keys of each source that takes hooks ({@code flux}, {@code argocd}, {@code generic}); a source
     *     without keys answers 404
     * @param mapping which cells a report is about
     * @param clock the time reports are checked against
     */
    public HookReceiver(DeploymentStore store, RepositoryLocation repository, Map<ReportSource, HookKeys> keys,
            MappingSource mapping, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.keys = new EnumMap<>(ReportSource.class);
        this.keys.putAll(keys);
        this.mapping = mapping;
        this.clock = clock;
        if (this.keys.containsKey(ReportSource.COMMIT_STATUS)) {
            throw new IllegalArgumentException("commit statuses are read from the Git host, not received");
        }
    }

    /** Whether hooks of a source are taken (it has keys). */
    public boolean accepts(ReportSource source) {
        return keys.containsKey(source);
    }

    /**
     * Receives one hook request.
     *
     * @param source which hook was called ({@code /hooks/flux}, ...)
     * @param body the raw body, as received: at most {@value #MAX_BODY} bytes are needed to tell it is too large
     * @param header a request header's first value by name (looked up without regard to case), or null
     * @return what to answer
     */
    public Answer receive(ReportSource source, byte[] body, UnaryOperator<String> header) {
        HookKeys sourceKeys = keys.get(source);
        if (sourceKeys == null) {
            return Answer.error(404, "this server takes no " + source.jsonName() + " hooks: no key is set for them");
        }
        if (body.length > MAX_BODY) {
            return Answer.error(413, "the body is larger than " + MAX_BODY + " bytes");
        }
        if (source == ReportSource.ARGOCD) {
            String authorization = header.apply("Authorization");
            if (authorization == null) {
                return Answer.error(401, "the Authorization header is missing: Argo CD sends Authorization: Bearer <token>");
            }
            if (!sourceKeys.bearer(authorization)) {
                return Answer.error(401, "the bearer token is not this hook's");
            }
        } else {
            String signature = header.apply("X-Signature");
            if (signature == null) {
                return Answer.error(401, "the X-Signature header is missing: it carries sha256=<HMAC of the body>");
            }
            if (!sourceKeys.signed(signature, body)) {
                return Answer.error(401, "the X-Signature does not match the body under this hook's key");
            }
        }
        Instant now = clock.instant();
        String id = HexFormat.of().formatHex(HookKeys.sha256(body));
        DeploymentReport report;
        try {
            report = switch (source) {
                case FLUX -> FluxEvents.read(body, id, now);
                case ARGOCD -> ArgoCdNotifications.read(body, id, now, repository);
                default -> GenericReports.read(body, id, now);
            };
        } catch (MalformedReportException e) {
            return Answer.error(400, e.getMessage());
        }
        if (Duration.between(report.reported(), now).abs().compareTo(WINDOW) > 0) {
            return Answer.error(400, "the report's time " + report.reportedAt() + " is more than " + WINDOW.toMinutes()
                    + " minutes from this server's " + now + ": a replay, or a clock out of step");
        }
        return record(report);
    }

    private Answer record(DeploymentReport report) {
        if (store.contains(report.id())) {
            return Answer.unrecorded("duplicate", "this body was received before");
        }
        if (report.revision() == null && report.signal() != Signal.FAILED) {
            return Answer.unrecorded("ignored", report.object() + " names no commit of the config repository");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "recorded");
        try {
            DeploymentMapping.Mapped mapped = mapping.get().map(report);
            if (mapped.cells().isEmpty()) {
                return Answer.unrecorded("ignored", mapped.reason());
            }
            answer.put("cells", mapped.cells().stream().map(CellRef::toString).toList());
        } catch (IOException e) {
            // Better kept than lost: the mapping is made again whenever the state is read.
            answer.put("note", "the config could not be read to map the report (" + e.getMessage() + "); it is kept");
        }
        try {
            if (!store.add(report)) {
                return Answer.unrecorded("duplicate", "this body was received before");
            }
        } catch (IOException e) {
            return Answer.error(503, "the report could not be stored: " + e.getMessage());
        }
        return Answer.of(202, answer);
    }
}

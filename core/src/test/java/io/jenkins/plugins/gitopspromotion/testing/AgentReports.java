package io.jenkins.plugins.gitopspromotion.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hook bodies as the agents send them, for tests of the receivers:
 *
 * <ul>
 *   <li>a Flux event exactly as notification-controller's forwarder marshals {@code eventv1.Event} with Go's
 *       {@code encoding/json} (struct fields in declaration order, {@code involvedObject} as {@code corev1.ObjectReference}
 *       in its order, map keys sorted, no spaces), signed as the forwarder signs it: {@code X-Signature: sha256=} and the
 *       hex HMAC-SHA256 of those bytes under the Secret's {@code token};</li>
 *   <li>an Argo CD notification as the template in {@code docs/deployments.md} renders it;</li>
 *   <li>a report in the generic schema.</li>
 * </ul>
 */
public final class AgentReports {

    /** A key as a Flux Secret's {@code token} holds it. */
    public static final String FLUX_KEY = "flux-hmac-key-0123456789abcdef";

    /** A bearer token as Argo CD's {@code argocd-notifications-secret} holds it. */
    public static final String ARGOCD_TOKEN = "argocd-bearer-0123456789abcdef";

    private AgentReports() {
    }

    /**
     * A kustomize-controller event about a Kustomization.
     *
     * @param metadata the metadata after notification-controller combined it (revision keys stripped of their group
     *     prefix or not, the Alert's eventMetadata added)
     */
    public static String fluxEvent(String namespace, String name, String severity, String reason, String message,
            Instant timestamp, Map<String, String> metadata) {
        String object = "{\"kind\":\"Kustomization\",\"namespace\":" + quote(namespace) + ",\"name\":" + quote(name)
                + ",\"uid\":\"7d0cdc51-ddcf-4743-b223-83ca5c699632\",\"apiVersion\":\"kustomize.toolkit.fluxcd.io/v1\"}";
        String meta = metadata.isEmpty() ? "" : ",\"metadata\":{" + new TreeMap<>(metadata).entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).collect(Collectors.joining(",")) + "}";
        return "{\"involvedObject\":" + object + ",\"severity\":" + quote(severity) + ",\"timestamp\":" + quote(timestamp.toString())
                + ",\"message\":" + quote(message) + ",\"reason\":" + quote(reason) + meta
                + ",\"reportingController\":\"kustomize-controller\",\"reportingInstance\":\"kustomize-controller-7c7b47f5f-8bhrp\"}";
    }

    /** {@code sha256=<hex HMAC-SHA256(key, body)>}, as notification-controller's forwarder computes it. */
    public static String signature(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Argo CD notification rendered from our template. */
    public static String argoNotification(String app, String syncStatus, String revision, String operationPhase,
            String healthStatus, List<String> images, Instant reportedAt) {
        return "{\n  \"app\": " + quote(app) + ",\n  \"namespace\": \"argocd\",\n  \"env\": null,\n  \"cluster\": \"prod-eu\","
                + "\n  \"syncStatus\": " + quote(syncStatus) + ",\n  \"syncRevision\": " + quote(revision)
                + ",\n  \"operationPhase\": " + quote(operationPhase) + ",\n  \"operationRevision\": " + quote(revision)
                + ",\n  \"healthStatus\": " + quote(healthStatus) + ",\n  \"message\": \"successfully synced (all tasks run)\","
                + "\n  \"images\": [" + images.stream().map(AgentReports::quote).collect(Collectors.joining(","))
                + "],\n  \"reportedAt\": " + quote(reportedAt.toString()) + "\n}\n";
    }

    /**
     * An Argo CD notification of a healthy Application of several sources, rendered from our template: Argo CD leaves
     * {@code status.sync.revision} empty for those and lists each source's revision in {@code revisions}.
     */
    public static String argoMultiSourceNotification(String app, List<String> sourceRepos, List<String> revisions,
            Instant reportedAt) {
        String repos = sourceRepos.stream().map(AgentReports::quote).collect(Collectors.joining(", ", "[", "]"));
        String revs = revisions.stream().map(AgentReports::quote).collect(Collectors.joining(", ", "[", "]"));
        return "{\n  \"app\": " + quote(app) + ",\n  \"namespace\": \"argocd\",\n  \"env\": null,\n  \"cluster\": \"prod-eu\","
                + "\n  \"syncStatus\": \"Synced\",\n  \"syncRevision\": \"\",\n  \"syncRevisions\": " + revs
                + ",\n  \"operationPhase\": \"Succeeded\",\n  \"operationRevision\": \"\",\n  \"operationRevisions\": " + revs
                + ",\n  \"sourceRepos\": " + repos + ",\n  \"healthStatus\": \"Healthy\",\n  \"message\": \"\","
                + "\n  \"images\": [],\n  \"reportedAt\": " + quote(reportedAt.toString()) + "\n}\n";
    }

    /** A report in the generic schema. */
    public static String genericReport(String env, String app, String revision, String state, Instant timestamp) {
        return "{\"env\":" + quote(env) + ",\"app\":" + quote(app) + ",\"revision\":" + quote(revision) + ",\"state\":"
                + quote(state) + ",\"cluster\":\"edge-1\",\"message\":\"rolled out\",\"timestamp\":" + quote(timestamp.toString())
                + "}";
    }

    /** A JSON string, escaped as Go's encoder escapes (quote, backslash, control characters, {@code <>&}). */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '<', '>', '&' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}

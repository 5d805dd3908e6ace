package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A status posted on a commit (a build status on Bitbucket), as the provider answers it, its state brought to one
 * scale.
 *
 * @param context what posted it: GitHub's and Gitea's {@code context}, GitLab's {@code name}, Bitbucket's {@code name},
 *     Azure DevOps' {@code context.name}; Flux writes {@code kustomization/<name>/<id>} (Bitbucket:
 *     {@code kustomization/<name>}), Argo CD {@code continuous-delivery/<application>}
 * @param key what tells statuses of the same context apart where the provider has more than the context: Bitbucket's
 *     {@code key}, Azure DevOps' {@code context.genre}; else the context
 * @param state the state
 * @param description its description, or empty
 * @param targetUrl its link, or empty
 * @param updatedAt when it was last set, ISO-8601, or empty when the provider does not say
 */
public record CommitStatus(String context, String key, State state, String description, String targetUrl, String updatedAt) {

    /** A commit id: the only thing put in a status URL's path. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /** The states on one scale. */
    public enum State {
        /** Not finished: pending, running, in progress, not set. */
        PENDING,
        /** Succeeded. */
        SUCCESS,
        /** Failed. */
        FAILURE,
        /** Could not be carried out: error, cancelled, stopped. */
        ERROR
    }

    /** Checks the parts. */
    public CommitStatus {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A commit id checked before it goes into a URL.
     *
     * @throws IllegalArgumentException if it is not 40 lowercase hex digits
     */
    static String commit(String sha) {
        if (sha == null || !COMMIT.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a commit id: " + sha);
        }
        return sha;
    }

    /**
     * A status as GitHub and Gitea answer it: {@code context}, {@code description}, {@code target_url},
     * {@code updated_at}, and the state under {@code stateField}, which {@code scale} brings to one scale.
     */
    static CommitStatus ofContext(JsonNode status, String stateField, Function<String, State> scale) {
        String context = text(status, "context");
        return new CommitStatus(context, context, scale.apply(text(status, stateField)), text(status, "description"),
                text(status, "target_url"), text(status, "updated_at"));
    }

    /** A text field of an answer, empty when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}

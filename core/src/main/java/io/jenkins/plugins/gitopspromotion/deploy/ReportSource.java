package io.jenkins.plugins.gitopspromotion.deploy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a report came from. */
public enum ReportSource {
    /** A Flux notification-controller event ({@code generic-hmac} provider). */
    FLUX("flux"),
    /** An Argo CD notification (webhook service, our template). */
    ARGOCD("argocd"),
    /** Our own small schema, for anything else that deploys. */
    GENERIC("generic"),
    /** A commit status the agent posted on the config repository, read from the Git host. */
    COMMIT_STATUS("commit-status");

    private final String jsonName;

    ReportSource(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in JSON, in hook paths ({@code /hooks/flux}) and in messages. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The source with this name. */
    @JsonCreator
    public static ReportSource fromJsonName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report source " + name));
    }
}

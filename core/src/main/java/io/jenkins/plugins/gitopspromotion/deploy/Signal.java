package io.jenkins.plugins.gitopspromotion.deploy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a report says about the revision it names. */
public enum Signal {
    /** The agent saw the revision but has not applied it (an out-of-sync Argo CD Application, say). */
    PROGRESSING,
    /** Applied; health not known. */
    DEPLOYED,
    /** Applied and healthy. */
    HEALTHY,
    /** Applied, and its workloads have degraded. */
    DEGRADED,
    /** The agent failed to build or apply it. */
    FAILED;

    /** The name in JSON and in the generic schema: lower case. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The signal with this name. */
    @JsonCreator
    public static Signal fromJsonName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown signal " + name));
    }

    /** The signal with this name, if there is one. */
    public static Optional<Signal> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(name)).findFirst();
    }

    /** Whether the revision was applied (deployed, healthy or degraded). */
    public boolean applied() {
        return this == DEPLOYED || this == HEALTHY || this == DEGRADED;
    }
}

package io.jenkins.plugins.gitopspromotion.policy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * A hold as the status report and the promotion view show it on its cell, in JSON: {@code {"by", "at", "reason"}}.
 *
 * @param by who placed it
 * @param at when, ISO-8601 UTC
 * @param reason why
 */
@JsonPropertyOrder({"by", "at", "reason"})
public record HoldSummary(String by, String at, String reason) {

    /** The summary of the hold on {@code app} in {@code env}, or null when the cell is not held. */
    public static HoldSummary of(HoldFile holds, String app, String env) {
        Optional<Hold> hold = holds.of(app, env);
        return hold.map(h -> new HoldSummary(h.by(), h.at().toString(), h.reason())).orElse(null);
    }
}

package io.jenkins.plugins.gitopspromotion.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a promotion, in the shape the command line prints with {@code --json} and the Jenkins steps
 * return: {@code {"status", "env", "app", "image", "tag", "digest", "commit", "branch", "pullRequest", "files",
 * "reason", "warnings", "imageName"}}.
 *
 * @param status what happened
 * @param env the environment
 * @param app the app
 * @param image the image's name
 * @param tag the tag promoted, or null
 * @param digest the digest promoted, or null
 * @param commit the commit pushed (or that already had the version), or null
 * @param branch the branch pushed to, or null
 * @param pullRequest the pull request, or null
 * @param files the files changed (or that would change)
 * @param reason why it was refused or unchanged, or a summary
 * @param warnings what the user should know that did not stop the promotion (e.g. cluster credentials within
 *     reach, in {@code warn} mode)
 * @param imageName the name the promotion writes the image under (a registry move), or null when every reference
 *     keeps its name; {@code image} stays the name the app is known by
 */
@JsonPropertyOrder({"status", "env", "app", "image", "tag", "digest", "commit", "branch", "pullRequest", "files", "reason",
    "warnings", "imageName"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PromotionResult(Status status, String env, String app, String image, String tag, String digest, String commit,
        String branch, PullRequestRef pullRequest, List<String> files, String reason, List<String> warnings,
        String imageName) {

    /** What happened. */
    public enum Status {
        /** A commit was pushed. */
        PROMOTED,
        /** The environment already had the version: nothing was pushed. */
        UNCHANGED,
        /** A guard or policy refused; nothing was pushed. */
        REFUSED,
        /** A dry run: the change was planned, nothing was pushed. */
        PLANNED,
        /** A hold was released: a commit removing it was pushed, to the base branch or a branch proposing it. */
        RELEASED;

        /** The lower-case name used in JSON. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A pull request opened or updated by the promotion.
     *
     * @param url its web address
     * @param number its number
     */
    public record PullRequestRef(@JsonProperty("url") String url, @JsonProperty("number") long number) {
    }

    /** Copies the lists. */
    public PromotionResult {
        files = files == null ? List.of() : List.copyOf(files);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result of a promotion that writes no new image name. */
    public PromotionResult(Status status, String env, String app, String image, String tag, String digest, String commit,
            String branch, PullRequestRef pullRequest, List<String> files, String reason, List<String> warnings) {
        this(status, env, app, image, tag, digest, commit, branch, pullRequest, files, reason, warnings, null);
    }

    /** The same result with warnings added. */
    public PromotionResult withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new PromotionResult(status, env, app, image, tag, digest, commit, branch, pullRequest, files, reason, all,
                imageName);
    }

    /** The result as one JSON object. */
    public String toJson() {
        return Json.write(this, "a promotion result");
    }
}

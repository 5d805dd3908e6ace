package io.jenkins.plugins.gitopspromotion.jenkins;

import java.util.Map;

/**
 * One promotion a build did, as its build page lists it.
 *
 * @param repository the config repository's URL
 * @param status promoted, unchanged, planned or refused
 * @param env the environment
 * @param app the app
 * @param version {@code tag@digest} or whichever there is
 * @param commit the commit pushed, or null
 * @param branch the branch pushed, or null
 * @param pullRequestUrl the pull request opened or updated, or null
 * @param reason why it was refused, or null
 */
public record PromotionRecord(String repository, String status, String env, String app, String version, String commit, String branch,
        String pullRequestUrl, String reason) {

    /** A record of an engine result. */
    static PromotionRecord of(String repository, Map<String, Object> result) {
        return new PromotionRecord(repository, text(result.get("status")), text(result.get("env")), text(result.get("app")),
                PromotionRunner.version(result), text(result.get("commit")), text(result.get("branch")),
                text(result.get("pullRequestUrl")), text(result.get("reason")));
    }

    /** The first 12 characters of the commit, as pages show it. */
    public String getShortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

package io.jenkins.plugins.gitopspromotion.jenkins;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * One promotion a build did, as its build page lists it. A plain class with getters, not a record: Jenkins stores it
 * in {@code build.xml} with XStream, which cannot read records back, and Jelly views reach values only through
 * {@code getX()}.
 */
public final class PromotionRecord {

    private final String repository;
    private final String status;
    private final String env;
    private final String app;
    private final String version;
    private final String commit;
    private final String branch;
    private final String pullRequestUrl;
    private final String reason;

    private PromotionRecord(String repository, String status, String env, String app, String version, String commit, String branch,
            String pullRequestUrl, String reason) {
        this.repository = repository;
        this.status = status;
        this.env = env;
        this.app = app;
        this.version = version;
        this.commit = commit;
        this.branch = branch;
        this.pullRequestUrl = pullRequestUrl;
        this.reason = reason;
    }

    /**
     * A record of an engine result. The pull request's URL comes from the Git host's answer and pages make a link of
     * it: only an http(s) URL is kept, so that no answer can store a {@code javascript:} link in a build.
     */
    static PromotionRecord of(String repository, Map<String, Object> result) {
        return new PromotionRecord(repository, text(result.get("status")), text(result.get("env")), text(result.get("app")),
                PromotionRunner.version(result), text(result.get("commit")), text(result.get("branch")),
                webLink(text(result.get("pullRequestUrl"))), text(result.get("reason")));
    }

    /** {@code url} if it is an absolute http or https URL, else null. */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) && uri.getHost() != null
                    ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The config repository's URL. */
    public String getRepository() {
        return repository;
    }

    /** {@code promoted}, {@code unchanged}, {@code planned} or {@code refused}. */
    public String getStatus() {
        return status;
    }

    /** The environment. */
    public String getEnv() {
        return env;
    }

    /** The app. */
    public String getApp() {
        return app;
    }

    /** {@code tag@digest}, or whichever of them there is. */
    public String getVersion() {
        return version;
    }

    /** The commit pushed, or null. */
    public String getCommit() {
        return commit;
    }

    /** The first 12 characters of the commit, as pages show it, or null. */
    public String getShortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }

    /** The branch pushed, or null. */
    public String getBranch() {
        return branch;
    }

    /** The pull request opened or updated, or null. */
    public String getPullRequestUrl() {
        return pullRequestUrl;
    }

    /** Why it was refused, or null. */
    public String getReason() {
        return reason;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

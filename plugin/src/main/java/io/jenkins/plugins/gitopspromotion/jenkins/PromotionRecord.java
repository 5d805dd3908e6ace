package io.jenkins.plugins.gitopspromotion.jenkins;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One promotion a build did, as its build page lists it. A plain class with getters, not a record: Jenkins stores it
 * in {@code build.xml} with XStream, which cannot read records back, and Jelly views reach values only through
 * {@code getX()}.
 */
@ExportedBean(defaultVisibility = 2)
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
    private final String promotedBy;

    private PromotionRecord(String repository, String status, String env, String app, String version, String commit, String branch,
            String pullRequestUrl, String reason, String promotedBy) {
        this.repository = repository;
        this.status = status;
        this.env = env;
        this.app = app;
        this.version = version;
        this.commit = commit;
        this.branch = branch;
        this.pullRequestUrl = pullRequestUrl;
        this.reason = reason;
        this.promotedBy = promotedBy;
    }

    /**
     * A record of an engine result. The pull request's URL comes from the Git host's answer and pages make a link of
     * it: only an http(s) URL is kept, so that no answer can store a {@code javascript:} link in a build.
     */
    static PromotionRecord of(String repository, Map<String, Object> result) {
        return of(repository, result, null);
    }

    /**
     * A record of a promotion someone asked for from the build's page.
     *
     * @param promotedBy who pressed the button, as the {@code Promoted-By} trailer names them
     */
    static PromotionRecord of(String repository, Map<String, Object> result, String promotedBy) {
        return new PromotionRecord(repository, text(result.get("status")), text(result.get("env")), text(result.get("app")),
                PromotionRunner.version(result), text(result.get("commit")), text(result.get("branch")),
                webLink(text(result.get("pullRequestUrl"))), text(result.get("reason")), promotedBy);
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
    @Exported
    public String getRepository() {
        return repository;
    }

    /** {@code promoted}, {@code unchanged}, {@code planned} or {@code refused}. */
    @Exported
    public String getStatus() {
        return status;
    }

    /** The environment. */
    @Exported
    public String getEnv() {
        return env;
    }

    /** The app. */
    @Exported
    public String getApp() {
        return app;
    }

    /** {@code tag@digest}, or whichever of them there is. */
    @Exported
    public String getVersion() {
        return version;
    }

    /** The commit pushed, or null. */
    @Exported
    public String getCommit() {
        return commit;
    }

    /** The first 12 characters of the commit, as pages show it, or null. */
    public String getShortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }

    /** The branch pushed, or null. */
    @Exported
    public String getBranch() {
        return branch;
    }

    /** The pull request opened or updated, or null. */
    @Exported
    public String getPullRequestUrl() {
        return pullRequestUrl;
    }

    /** Why it was refused, or null. */
    @Exported
    public String getReason() {
        return reason;
    }

    /** Who asked for it from the build's page, or null when the build itself promoted. */
    @Exported
    public String getPromotedBy() {
        return promotedBy;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

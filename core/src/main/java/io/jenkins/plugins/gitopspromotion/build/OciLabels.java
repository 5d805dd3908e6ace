package io.jenkins.plugins.gitopspromotion.build;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard OCI annotations a build adds as labels: {@code org.opencontainers.image.source}, {@code .revision}
 * and {@code .created}. Values come from options, else from the CI environment ({@code GIT_URL},
 * {@code GIT_COMMIT}, as Jenkins' Git plugin sets them; {@code SOURCE_DATE_EPOCH} for reproducible builds).
 * A label the user gave explicitly is never overridden.
 */
public final class OciLabels {

    /** The source repository's URL. */
    public static final String SOURCE = "org.opencontainers.image.source";
    /** The source revision (commit). */
    public static final String REVISION = "org.opencontainers.image.revision";
    /** When the image was built, RFC 3339. */
    public static final String CREATED = "org.opencontainers.image.created";

    private OciLabels() {
    }

    /**
     * The user's labels followed by the standard ones they did not set.
     *
     * @param userLabels labels given explicitly, kept as they are
     * @param source the source URL option, or null to use {@code GIT_URL}
     * @param revision the revision option, or null to use {@code GIT_COMMIT}
     * @param environment the environment to read {@code GIT_URL}, {@code GIT_COMMIT} and {@code SOURCE_DATE_EPOCH} from
     * @param now the build time when {@code SOURCE_DATE_EPOCH} is not set
     */
    public static Map<String, String> complete(Map<String, String> userLabels, String source, String revision,
            Map<String, String> environment, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>(userLabels);
        String url = source != null ? source : environment.get("GIT_URL");
        if (url != null && !url.isBlank()) {
            labels.putIfAbsent(SOURCE, withoutUserInfo(url.strip()));
        }
        String commit = revision != null ? revision : environment.get("GIT_COMMIT");
        if (commit != null && !commit.isBlank()) {
            labels.putIfAbsent(REVISION, commit.strip());
        }
        labels.putIfAbsent(CREATED, DateTimeFormatter.ISO_INSTANT.format(created(environment, now)));
        return labels;
    }

    private static Instant created(Map<String, String> environment, Instant now) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.strip().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        }
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A clone URL may carry {@code user:token@}: that must never end up in an image label. */
    static String withoutUserInfo(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null || uri.getHost() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            // scp-like "git@host:org/repo.git" is not a URI, and its "git@" names no secret.
            return url;
        }
    }
}

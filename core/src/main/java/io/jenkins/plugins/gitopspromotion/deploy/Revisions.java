package io.jenkins.plugins.gitopspromotion.deploy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config repository's commit in a revision as the agents write it: Flux {@code main@sha1:<sha>} (and the older
 * {@code main/<sha>}), {@code sha1:<sha>}, or a bare commit id (Argo CD, commit statuses, the generic schema).
 */
final class Revisions {

    /**
     * A SHA-1 commit id, alone or after {@code <ref>@sha1:}, {@code sha1:} or {@code <ref>/}. A {@code sha256:} revision
     * is an OCI artifact's digest (or a SHA-256 repository, which the mirror is not), so it names no commit here.
     */
    private static final Pattern COMMIT = Pattern.compile("(?:.*@sha1:|sha1:|.*/)?([0-9a-f]{40})");

    private Revisions() {
    }

    /** The commit id in a revision, if it names one. */
    static Optional<String> commit(String revision) {
        if (revision == null) {
            return Optional.empty();
        }
        Matcher m = COMMIT.matcher(revision.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import java.util.Optional;

/**
 * The version of an app's image that a file references at one place.
 *
 * @param file the file's path in the repository
 * @param line the 1-based line of the reference
 * @param where what holds it, e.g. {@code images[ghcr.io/acme/web]} or {@code Deployment/web containers[app]}
 * @param tag the tag, if any
 * @param digest the digest, if any
 */
public record ImageVersion(String file, int line, String where, Optional<String> tag, Optional<Digest> digest) {

    /** Whether this is exactly the version an update asks for. */
    public boolean matches(ImageUpdate update) {
        return tag.equals(update.tag()) && digest.equals(update.digest());
    }

    /** The tag, else the short digest, else {@code (none)}: what a person recognises a version by. */
    public String label() {
        return tag.or(() -> digest.map(Digest::shortLabel)).orElse("(none)");
    }

    /** {@code tag@sha256:0123456789ab}: the tag with a short digest, for tables. */
    public String describeShort() {
        if (tag.isEmpty() || digest.isEmpty()) {
            return label();
        }
        return tag.get() + "@" + digest.get().shortLabel();
    }

    /** {@code tag@digest}, the tag, the digest, or {@code (none)}. */
    public String describe() {
        if (tag.isEmpty() && digest.isEmpty()) {
            return "(none)";
        }
        return tag.orElse("") + digest.map(d -> (tag.isPresent() ? "@" : "") + d).orElse("");
    }
}

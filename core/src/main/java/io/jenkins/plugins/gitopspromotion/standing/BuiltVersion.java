package io.jenkins.plugins.gitopspromotion.standing;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * A version a build produced: the image name, its tags, and the digest it was pushed with.
 *
 * @param image the image's name, without tag or digest
 * @param tags its tags, the version's own first (such as {@code 1.5.0} before {@code latest})
 * @param digest the pushed digest, when known
 */
public record BuiltVersion(ImageReference image, List<String> tags, Optional<Digest> digest) {

    /** Checks that the version is named by a tag or a digest. */
    public BuiltVersion {
        tags = List.copyOf(tags);
        if (tags.isEmpty() && digest.isEmpty()) {
            throw new IllegalArgumentException("a built version needs a tag or a digest");
        }
    }

    /** The tag a promotion writes: the first one. */
    public Optional<String> tag() {
        return tags.stream().findFirst();
    }

    /** Whether an environment's tag and digest, as the status reads them, are this version. */
    boolean is(String tag, String digestText) {
        return digest.isPresent() ? digest.get().toString().equals(digestText) : tag != null && tags.contains(tag);
    }

    /** Whether a pending promotion's label names this version. */
    boolean isNamedBy(String label) {
        return label != null && (digest.isPresent() ? label.contains(digest.get().toString())
                : tags.stream().anyMatch(t -> label.equals(t) || label.startsWith(t + "@")));
    }
}

package io.jenkins.plugins.gitopspromotion.standing;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.view.ViewCell;
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

    /**
     * Whether a version read from the repository (its tag and digest, either may be null) is this one: by digest
     * when both have one, else by the version's own tag (the first: {@code latest} names no version).
     */
    boolean is(String tag, String digestText) {
        if (digest.isPresent() && digestText != null) {
            return digest.get().toString().equals(digestText);
        }
        return tag != null && tag().filter(tag::equals).isPresent();
    }

    /**
     * Whether a version proposed for an environment is this one; a proposal whose files disagree (no one tag or
     * digest) is no one version.
     */
    boolean isProposedBy(ViewCell.Pending pending) {
        return pending != null && (pending.tag() != null || pending.digest() != null) && is(pending.tag(), pending.digest());
    }
}

package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.ImageTag;
import java.util.Objects;
import java.util.Optional;

/**
 * The version of one image that a file should reference after an update. The version is exactly what is
 * given: a tag without a digest clears a digest pinned before (it would keep the old image running), and a
 * digest without a tag clears the old tag (it would no longer describe what runs).
 *
 * @param image the app's image name, without tag or digest; files are matched against it
 * @param tag the new tag, if any
 * @param digest the new digest, if any
 */
public record ImageUpdate(ImageReference image, Optional<String> tag, Optional<Digest> digest) {

    /** Validates that a name, and a tag or a digest or both, are given. */
    public ImageUpdate {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        if (image.tag().isPresent() || image.digest().isPresent()) {
            throw new IllegalArgumentException("the image to update is named without tag or digest, got " + image);
        }
        tag.ifPresent(ImageTag::requireValid);
        if (tag.isEmpty() && digest.isEmpty()) {
            throw new IllegalArgumentException("an image update needs a tag, a digest or both for " + image);
        }
    }

    /** An update of {@code image} to a tag and/or digest, either of which may be null. */
    public static ImageUpdate of(String image, String tag, String digest) {
        return new ImageUpdate(ImageReference.parseName(image), Optional.ofNullable(tag),
                Optional.ofNullable(digest).map(Digest::parse));
    }

    /** The full reference this update sets, under the given name as a file writes it. */
    public ImageReference referenceNamed(String name) {
        return ImageReference.of(name, tag.orElse(null), digest.orElse(null));
    }

    /** The tag, else the short digest: what a person recognises a version by. */
    public String label() {
        return tag.orElseGet(() -> digest.orElseThrow().shortLabel());
    }

    @Override
    public String toString() {
        return referenceNamed(image.name()).toString();
    }
}

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
 * @param names the names the image goes by; files are matched against them
 * @param tag the new tag, if any
 * @param digest the new digest, if any
 * @param newName the name every reference takes, one of {@code names} (a registry move); empty: each reference
 *     keeps the name it has
 */
public record ImageUpdate(ImageNames names, Optional<String> tag, Optional<Digest> digest, Optional<ImageReference> newName) {

    /** Validates that a tag or a digest or both are given, and that a new name is one of the image's names. */
    public ImageUpdate {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(newName, "newName");
        tag.ifPresent(ImageTag::requireValid);
        if (tag.isEmpty() && digest.isEmpty()) {
            throw new IllegalArgumentException("an image update needs a tag, a digest or both for " + names.image());
        }
        if (newName.isPresent() && (newName.get().tag().isPresent() || newName.get().digest().isPresent()
                || !names.names(newName.get()))) {
            throw new IllegalArgumentException("the new name " + newName.get() + " is not one of the names of " + names);
        }
    }

    /** An update of an image known by one name only, keeping the names references have. */
    public ImageUpdate(ImageReference image, Optional<String> tag, Optional<Digest> digest) {
        this(ImageNames.of(image), tag, digest, Optional.empty());
    }

    /** An update of {@code image} to a tag and/or digest, either of which may be null. */
    public static ImageUpdate of(String image, String tag, String digest) {
        return new ImageUpdate(ImageReference.parseName(image), Optional.ofNullable(tag),
                Optional.ofNullable(digest).map(Digest::parse));
    }

    /** The name the image is known by. */
    public ImageReference image() {
        return names.image();
    }

    /** The same update with another version, as a file that holds only part of one takes it. */
    public ImageUpdate withVersion(Optional<String> newTag, Optional<Digest> newDigest) {
        return new ImageUpdate(names, newTag, newDigest, newName);
    }

    /** Whether a reference now named {@code written} takes the new name: there is one, and it is another repository. */
    public boolean renames(ImageReference written) {
        return newName.isPresent() && !written.sameRepositoryAs(newName.get());
    }

    /** The full reference this update sets, under the given name as a file writes it. */
    public ImageReference referenceNamed(String name) {
        return ImageReference.of(name, tag.orElse(null), digest.orElse(null));
    }

    /** The tag, else the short digest: what a person recognises a version by. */
    public String label() {
        return tag.orElseGet(() -> digest.orElseThrow().shortLabel());
    }

    /** The new name, else the name the image is known by (references then keep the names they have). */
    public ImageReference targetName() {
        return newName.orElse(image());
    }

    /** The reference under the new name, else under the name the image is known by. */
    @Override
    public String toString() {
        return referenceNamed(targetName().name()).toString();
    }
}

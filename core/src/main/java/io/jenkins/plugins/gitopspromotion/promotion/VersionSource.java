package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.ImageTag;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the version a promotion sets comes from: given outright, taken from another environment (build once,
 * deploy many), or found in the target environment's own history (a rollback); or none at all, when the hold on a
 * cell is released.
 */
public sealed interface VersionSource {

    /**
     * The version a caller's inputs name, each optional: a tag, a digest, an image reference carrying either,
     * or another environment to take the version from. Shared by every front end (command line, Pipeline steps,
     * freestyle builders), so that each checks its inputs alike.
     *
     * @param tag a tag, or {@code null}
     * @param digest a digest such as {@code sha256:…}, or {@code null}
     * @param image an image reference whose tag or digest counts as given, or {@code null}
     * @param fromEnvironment an environment whose version to take, or {@code null}
     * @throws IllegalArgumentException if none or too many are given, or a tag or digest is malformed
     */
    static VersionSource choose(String tag, String digest, ImageReference image, String fromEnvironment) {
        Optional<String> givenTag = Optional.ofNullable(tag).map(ImageTag::requireValid);
        Optional<Digest> givenDigest = Optional.ofNullable(digest).map(Digest::parse);
        Optional<ImageReference> givenImage = Optional.ofNullable(image);
        boolean versionInImage = givenImage.flatMap(ImageReference::tag).isPresent()
                || givenImage.flatMap(ImageReference::digest).isPresent();
        boolean versionGiven = givenTag.isPresent() || givenDigest.isPresent() || versionInImage;
        if (fromEnvironment != null) {
            if (versionGiven) {
                throw new IllegalArgumentException("a version taken from the environment " + fromEnvironment
                        + " comes with no tag or digest of its own: give one or the other");
            }
            return new FromEnvironment(fromEnvironment);
        }
        if (!versionGiven) {
            throw new IllegalArgumentException("give a tag, a digest or both, or an environment to take the version from");
        }
        return Given.of(givenTag, givenDigest, givenImage);
    }

    /** A tag and/or a digest given by the caller. */
    record Given(Optional<String> tag, Optional<Digest> digest) implements VersionSource {
        /** Checks one of them is present. */
        public Given {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(digest, "digest");
            if (tag.isEmpty() && digest.isEmpty()) {
                throw new IllegalArgumentException("give a tag, a digest or both");
            }
            tag.ifPresent(ImageTag::requireValid);
        }

        /**
         * The tag and digest given, each falling back to the one written in an image reference such as
         * {@code ghcr.io/acme/web:1.5.0@sha256:…} (the form a build step reports).
         */
        public static Given of(Optional<String> tag, Optional<Digest> digest, Optional<ImageReference> image) {
            return new Given(tag.or(() -> image.flatMap(ImageReference::tag)), digest.or(() -> image.flatMap(ImageReference::digest)));
        }
    }

    /** Exactly the version another environment has on the base branch. */
    record FromEnvironment(String environment) implements VersionSource {
        /** Checks the name is present. */
        public FromEnvironment {
            Objects.requireNonNull(environment, "environment");
        }
    }

    /** The environment's previous version, or the last one it had with the given tag. */
    record Rollback(Optional<String> toTag) implements VersionSource {
        /** Checks the tag option is present. */
        public Rollback {
            Objects.requireNonNull(toTag, "toTag");
        }
    }

    /** No version: the hold a rollback placed on the cell is removed, and the cell takes promotions again. */
    record Release() implements VersionSource {
    }
}

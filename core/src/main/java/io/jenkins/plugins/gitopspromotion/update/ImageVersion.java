package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import java.util.Objects;
import java.util.Optional;

/**
 * The version of an app's image that a file references at one place.
 *
 * @param file the file's path in the repository
 * @param line the 1-based line of the reference
 * @param where what holds it, e.g. {@code images[ghcr.io/acme/web]} or {@code Deployment/web containers[app]}
 * @param tag the tag, if any, as written (it may be a placeholder such as {@code {GENERATED_TAG}})
 * @param digest the digest, if any
 * @param malformedDigest what the place writes as a digest when that is no valid digest (e.g. 11 hex digits):
 *     a promotion overwrites it, but no registry serves it
 * @param name the image's name as the place writes it, if it writes one (a Helm values file may keep the name in
 *     the chart, a Flux {@code :tag} marker holds none); a place writing none goes by the name the app is known by
 */
public record ImageVersion(String file, int line, String where, Optional<String> tag, Optional<Digest> digest,
        Optional<String> malformedDigest, Optional<ImageReference> name) {

    /** Checks a digest is valid or malformed, not both. */
    public ImageVersion {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(malformedDigest, "malformedDigest");
        Objects.requireNonNull(name, "name");
        if (digest.isPresent() && malformedDigest.isPresent()) {
            throw new IllegalArgumentException("a version has a valid or a malformed digest, not both");
        }
    }

    /** A version whose digest, if any, is valid, at a place that writes no name. */
    public ImageVersion(String file, int line, String where, Optional<String> tag, Optional<Digest> digest) {
        this(file, line, where, tag, digest, Optional.empty(), Optional.empty());
    }

    /**
     * The version a place writes, from the text of its tag and digest; empty text counts as none, and a digest
     * that does not parse is kept as {@link #malformedDigest()}.
     */
    public static ImageVersion written(String file, int line, String where, Optional<String> tag, Optional<String> digest) {
        Optional<String> givenDigest = digest.filter(d -> !d.isEmpty());
        Optional<Digest> valid;
        try {
            valid = givenDigest.map(Digest::parse);
        } catch (InvalidImageReferenceException e) {
            return new ImageVersion(file, line, where, tag.filter(t -> !t.isEmpty()), Optional.empty(), givenDigest,
                    Optional.empty());
        }
        return new ImageVersion(file, line, where, tag.filter(t -> !t.isEmpty()), valid, Optional.empty(), Optional.empty());
    }

    /** This version at a place that writes the image's name as {@code written}. */
    public ImageVersion named(Optional<ImageReference> written) {
        return new ImageVersion(file, line, where, tag, digest, malformedDigest, written);
    }

    /** Whether this is exactly the version an update asks for, under its new name when it gives one. */
    public boolean matches(ImageUpdate update) {
        return tag.equals(update.tag()) && digest.equals(update.digest()) && malformedDigest.isEmpty()
                && update.newName().map(n -> name.orElse(update.image()).sameRepositoryAs(n)).orElse(true);
    }

    /** The tag, else the short digest, else {@code (none)}: what a person recognises a version by. */
    public String label() {
        return tag.or(() -> digest.map(Digest::shortLabel)).or(() -> malformedDigest).orElse("(none)");
    }

    /** {@code tag@sha256:0123456789ab}: the tag with a short digest, for tables. */
    public String describeShort() {
        if (tag.isEmpty() || digest.isEmpty()) {
            return tag.isPresent() && malformedDigest.isPresent() ? describe() : label();
        }
        return tag.get() + "@" + digest.get().shortLabel();
    }

    /** {@code tag@digest}, the tag, the digest, or {@code (none)}; a malformed digest as written. */
    public String describe() {
        Optional<String> writtenDigest = digest.map(Digest::toString).or(() -> malformedDigest);
        if (tag.isEmpty() && writtenDigest.isEmpty()) {
            return "(none)";
        }
        return tag.orElse("") + writtenDigest.map(d -> (tag.isPresent() ? "@" : "") + d).orElse("");
    }
}

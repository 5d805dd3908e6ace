package io.jenkins.plugins.gitopspromotion.image;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference as a file writes it, split into a name and whatever follows as tag and digest the way
 * Kustomize's image transformer splits one: the tag and digest are kept as written even when they are not valid,
 * such as a placeholder {@code {GENERATED_TAG}} that a build tool replaces, or a digest of the wrong length. A
 * promotion replaces both, so only the name has to be valid for a reference to be recognised as an image's.
 *
 * @param name the name, valid
 * @param tag the text after the {@code :}, if there is one
 * @param digest the text after the {@code @}, if there is one
 */
public record WrittenReference(ImageReference name, Optional<String> tag, Optional<String> digest) {

    // What Kustomize's image transformer takes for a tag and a digest (tags may be placeholders with braces).
    private static final Pattern LOOSE_TAG = Pattern.compile("[a-zA-Z0-9_.{}-]*");
    private static final Pattern LOOSE_DIGEST = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*:[a-zA-Z0-9_.{}-]*");

    /** Checks the name has no tag or digest of its own. */
    public WrittenReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        if (name.tag().isPresent() || name.digest().isPresent()) {
            throw new IllegalArgumentException("a written reference's name has no tag or digest: " + name);
        }
    }

    /**
     * Splits a reference as written: the digest after the first {@code @}, the tag after the first {@code :}
     * that follows the first {@code /} (a {@code :} before it belongs to a registry's port).
     *
     * @return empty when what comes before the tag and digest is no valid image name (e.g. {@code $(IMAGE)})
     */
    public static Optional<WrittenReference> parse(String written) {
        int slash = written.indexOf('/');
        int from = slash > 0 ? slash : 0;
        int at = written.indexOf('@', from);
        int colon = written.indexOf(':', from);
        if (colon >= 0 && at >= 0 && at < colon) {
            colon = -1; // a ':' after the '@' belongs to the digest
        }
        int nameEnd = colon >= 0 ? colon : at >= 0 ? at : written.length();
        Optional<String> tag = colon < 0 ? Optional.empty()
                : Optional.of(written.substring(colon + 1, at >= 0 ? at : written.length()));
        Optional<String> digest = at < 0 ? Optional.empty() : Optional.of(written.substring(at + 1));
        try {
            return Optional.of(new WrittenReference(ImageReference.parseName(written.substring(0, nameEnd)), tag, digest));
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the tag or digest is not one that can be replaced as Kustomize's image transformer replaces it (text
     * with characters no tag or placeholder has, such as {@code ${TAG}}); empty when it can be.
     */
    public Optional<String> problem() {
        if (tag.isPresent() && !LOOSE_TAG.matcher(tag.get()).matches()) {
            return Optional.of("its tag " + InvalidImageReferenceException.quote(tag.get())
                    + " is neither a tag nor a placeholder Kustomize replaces (letters, digits, '_', '.', '-', '{', '}')");
        }
        if (digest.isPresent() && !LOOSE_DIGEST.matcher(digest.get()).matches()) {
            return Optional.of("its digest " + InvalidImageReferenceException.quote(digest.get())
                    + " is not of the form algorithm:hex");
        }
        return Optional.empty();
    }

    /** The reference as written. */
    @Override
    public String toString() {
        return name + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}

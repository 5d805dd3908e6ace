package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The names one app's image goes by in a config repository's files: the name the app is known by, and the
 * other names it may take (after a registry move, say). A reference under any of them is the app's image.
 *
 * @param image the name the app is known by, without tag or digest
 * @param others the other names, without tag or digest, none naming the same repository as another
 */
public record ImageNames(ImageReference image, List<ImageReference> others) {

    /** Checks every name is a name only, and no repository is named twice. */
    public ImageNames {
        Objects.requireNonNull(image, "image");
        others = List.copyOf(others);
        List<ImageReference> seen = new ArrayList<>();
        for (ImageReference name : all(image, others)) {
            if (name.tag().isPresent() || name.digest().isPresent()) {
                throw new IllegalArgumentException("an image name has no tag or digest, got " + name);
            }
            if (seen.stream().anyMatch(name::sameRepositoryAs)) {
                throw new IllegalArgumentException("the image name " + name + " is given twice (as "
                        + seen.stream().filter(name::sameRepositoryAs).findFirst().orElseThrow() + " too)");
            }
            seen.add(name);
        }
    }

    /** An image with no other name. */
    public static ImageNames of(ImageReference image) {
        return new ImageNames(image, List.of());
    }

    /** The name the app is known by, then the others. */
    public List<ImageReference> all() {
        return all(image, others);
    }

    /** Whether a reference names one of these repositories (its tag and digest do not matter). */
    public boolean names(ImageReference reference) {
        return all().stream().anyMatch(reference::sameRepositoryAs);
    }

    /** Whether text written in a file is a valid name of one of these repositories. */
    public boolean names(String written) {
        try {
            return names(ImageReference.parseName(written));
        } catch (InvalidImageReferenceException e) {
            return false; // a placeholder such as `app-image` names no registry image
        }
    }

    /** {@code ghcr.io/acme/web}, or {@code ghcr.io/acme/web (also registry.example.com/web)}, for messages. */
    @Override
    public String toString() {
        return image.name() + (others.isEmpty() ? ""
                : others.stream().map(ImageReference::name).collect(Collectors.joining(", ", " (also ", ")")));
    }

    private static List<ImageReference> all(ImageReference image, List<ImageReference> others) {
        List<ImageReference> all = new ArrayList<>(List.of(image));
        all.addAll(others);
        return all;
    }
}

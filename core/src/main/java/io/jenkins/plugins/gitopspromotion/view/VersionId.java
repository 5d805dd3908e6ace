package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.util.Collection;
import java.util.List;

/**
 * A version as tag and digest (either may be null), for telling whether an environment ever had it.
 *
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
record VersionId(String tag, String digest) {

    static List<VersionId> of(CellValue value) {
        return value.versions().stream().map(VersionId::of).distinct().toList();
    }

    static VersionId of(ImageVersion version) {
        return new VersionId(version.tag().orElse(null), version.digest().map(Object::toString).orElse(null));
    }

    /** Whether {@code seen} holds this version: the same digest where both name one, else the same tag. */
    boolean in(Collection<VersionId> seen) {
        return seen.stream().anyMatch(v -> digest != null && v.digest != null ? digest.equals(v.digest)
                : tag != null && tag.equals(v.tag));
    }

    String label() {
        return tag != null ? tag : digest;
    }
}

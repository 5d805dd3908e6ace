package io.jenkins.plugins.gitopspromotion.promotion;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a promoted version comes from, recorded in the commit's trailers and the pull request.
 *
 * @param from the environment the version was taken from
 * @param buildUrl the build that promoted
 * @param sourceCommit the application source commit the image was built from
 * @param sourceUrl a link to that commit (or to the source)
 * @param promotedBy who asked for the promotion, when a person did (a user of the promotion view in Jenkins)
 * @param sourceTime when the source commit was made
 */
public record Provenance(Optional<String> from, Optional<String> buildUrl, Optional<String> sourceCommit,
        Optional<String> sourceUrl, Optional<String> promotedBy, Optional<Instant> sourceTime) {

    /** Nothing known. */
    public static final Provenance NONE = new Provenance(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
}

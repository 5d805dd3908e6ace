package io.jenkins.plugins.gitopspromotion.deploy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Git says of a cell, as the deployment state needs it: the version, and the commit of the base branch that set
 * it (a report covers the version when its revision contains that commit).
 *
 * @param cell the cell
 * @param tag the version's tag, if it has one
 * @param digest the version's digest, if it has one
 * @param setBy the commit that set it, or null when that lies beyond the history read
 * @param mergedAt when that commit was made (its committer time), or null
 * @param pendingOnly whether only a promotion branch has the version, not the base branch
 */
public record CellVersion(CellRef cell, Optional<String> tag, Optional<String> digest, String setBy, Instant mergedAt,
        boolean pendingOnly) {

    /** Checks the parts. */
    public CellVersion {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** The version as people read it: the tag, else the short digest. */
    public String label() {
        return tag.orElseGet(() -> digest.map(d -> d.length() > 19 ? d.substring(0, 19) : d).orElse("(no version)"));
    }
}

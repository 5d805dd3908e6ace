package io.jenkins.plugins.gitopspromotion.deploy;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

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

    /**
     * A cell's version on the base branch, set by a commit of a repository (its committer time is when it was merged).
     *
     * @param setBy the commit, or null when that lies beyond the history read
     */
    public static CellVersion merged(Repository repository, CellRef cell, String tag, String digest, String setBy)
            throws IOException {
        Instant mergedAt = null;
        if (setBy != null) {
            try (RevWalk walk = new RevWalk(repository)) {
                mergedAt = walk.parseCommit(ObjectId.fromString(setBy)).getCommitterIdent().getWhenAsInstant();
            }
        }
        return new CellVersion(cell, Optional.ofNullable(tag), Optional.ofNullable(digest), setBy, mergedAt, false);
    }

    /** A version only a promotion branch has. */
    public static CellVersion pending(CellRef cell, String tag, String digest) {
        return new CellVersion(cell, Optional.ofNullable(tag), Optional.ofNullable(digest), null, null, true);
    }

    /** The version as people read it: the tag, else the short digest. */
    public String label() {
        return tag.orElseGet(() -> digest.map(d -> d.length() > 19 ? d.substring(0, 19) : d).orElse("(no version)"));
    }
}

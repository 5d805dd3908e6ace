package io.jenkins.plugins.gitopspromotion.deploy;

/** How a report's revision relates to the commit that set a cell's version. */
@FunctionalInterface
public interface Ancestry {

    /** The relation. */
    enum Relation {
        /** The revision is that commit or a descendant of it: what the agent applied contains the version. */
        COVERS,
        /** The revision is an ancestor of that commit, or on another line of history: it does not contain it. */
        BEFORE,
        /** The revision is not known (not yet fetched, or not of this repository). */
        UNKNOWN
    }

    /**
     * @param setBy the commit that set the version, or null when that lies beyond the history read (then every known
     *     commit of the repository is later)
     * @param revision the report's commit
     */
    Relation of(String setBy, String revision);
}

package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The history behind a branch's tip, for a reader that walks it (a rollback, the promotion view's history and "set
 * by"). A mirror fetches a branch it has not fetched before shallow, its tip alone, since a promotion reads nothing
 * else; a reader asks here for what it is about to read, and a shallow mirror fetches that much more from the server.
 * Call before opening the {@code RevWalk} that reads: a walk sees the history as it was when it started.
 */
public interface History {

    /** History that is all there already (a full mirror, a local repository): nothing is ever fetched. */
    History COMPLETE = new History() {
        @Override
        public void reach(RevCommit tip, int commits) {
            // all there
        }

        @Override
        public boolean deepen(RevCommit tip) {
            return false;
        }
    };

    /**
     * Makes at least {@code commits} commits readable behind {@code tip} (the tip counted, along first parents), or
     * all there are.
     *
     * @throws IOException if more had to be fetched and could not be
     */
    void reach(RevCommit tip, int commits) throws IOException;

    /**
     * Makes more of the history behind {@code tip} readable, in one bounded step (a few times what is readable now).
     *
     * @return whether more became readable; false when all of it already was, or the server has no more of it
     * @throws IOException if more had to be fetched and could not be
     */
    boolean deepen(RevCommit tip) throws IOException;
}

package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The {@link History} of one branch of a mirror: where the mirror's history of the branch ends at a shallow commit
 * (one whose parents were not fetched), it is deepened from the server by fetching the branch again with a depth.
 */
final class ShallowHistory implements History {

    /** The least a step of {@link #deepen} asks for: one fetch covers a short history. */
    static final int FIRST_STEP = 100;

    /** Each step of {@link #deepen} asks for this many times what is readable. */
    static final int GROWTH = 4;

    /** Fetches tried by {@link #reach}: the server's tip may have moved on since, and a depth counts from there. */
    private static final int ATTEMPTS = 3;

    /** Fetches a branch's history behind a tip to a depth, counted from the server's tip. */
    @FunctionalInterface
    interface Deepening {
        void fetch(String branch, ObjectId tip, int depth) throws IOException;
    }

    /**
     * Commits readable behind a tip.
     *
     * @param commits how many, along first parents, the tip counted (at most the limit asked for)
     * @param cut whether they end at a shallow commit: the server has more
     */
    record Depth(int commits, boolean cut) {
    }

    private final Repository repository;
    private final String branch;
    private final Deepening deepening;

    ShallowHistory(Repository repository, String branch, Deepening deepening) {
        this.repository = repository;
        this.branch = branch;
        this.deepening = deepening;
    }

    @Override
    public void reach(RevCommit tip, int commits) throws IOException {
        int depth = commits;
        for (int attempt = 0; attempt < ATTEMPTS && readable(repository, tip, commits).cut(); attempt++) {
            deepening.fetch(branch, tip, depth);
            depth = depth > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : depth * 2;
        }
    }

    @Override
    public boolean deepen(RevCommit tip) throws IOException {
        Depth before = readable(repository, tip, Integer.MAX_VALUE);
        if (!before.cut()) {
            return false;
        }
        reach(tip, (int) Math.min(Integer.MAX_VALUE, Math.max(FIRST_STEP, (long) before.commits() * GROWTH)));
        Depth after = readable(repository, tip, Integer.MAX_VALUE);
        return after.commits() > before.commits() || !after.cut();
    }

    /** How many commits are readable behind {@code tip}, up to {@code limit}, and whether a shallow commit ends them. */
    static Depth readable(Repository repository, ObjectId tip, int limit) throws IOException {
        Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
        if (shallow.isEmpty()) {
            return new Depth(limit, false); // a full mirror: no need to count
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(tip));
            int count = 0;
            RevCommit last = null;
            for (RevCommit commit : walk) {
                last = commit;
                if (++count >= limit) {
                    return new Depth(count, false);
                }
            }
            return new Depth(count, last != null && shallow.contains(last));
        }
    }
}

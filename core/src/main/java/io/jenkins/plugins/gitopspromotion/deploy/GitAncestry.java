package io.jenkins.plugins.gitopspromotion.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Ancestry checks in a repository (the cached mirror), answered once per pair: many reports name the same revision.
 * Valid while the repository is open; not thread-safe.
 */
public final class GitAncestry implements Ancestry {

    private final Repository repository;
    private final Map<String, Relation> answers = new HashMap<>();

    /** @param repository where the commits are looked up */
    public GitAncestry(Repository repository) {
        this.repository = repository;
    }

    @Override
    public Relation of(String setBy, String revision) {
        return answers.computeIfAbsent(setBy + " " + revision, k -> relation(setBy, revision));
    }

    private Relation relation(String setBy, String revision) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit reported;
            try {
                reported = walk.parseCommit(ObjectId.fromString(revision));
            } catch (MissingObjectException e) {
                return Relation.UNKNOWN;
            }
            if (setBy == null) {
                return Relation.COVERS;
            }
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(setBy)), reported) ? Relation.COVERS : Relation.BEFORE;
        } catch (MissingObjectException e) {
            return Relation.UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException("the mirror could not be read to compare " + revision + " with " + setBy, e);
        }
    }
}

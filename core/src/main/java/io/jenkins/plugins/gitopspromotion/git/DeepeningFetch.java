package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.util.FileUtils;

/**
 * Fetches more of a branch's history into a shallow mirror: the branch {@code depth} commits deep from the server's
 * tip, through a throwaway repository that shares the mirror's objects and says it has the tip alone, as a shallow
 * commit. The server then sends the tip's ancestors to that depth, less what the tip's tree holds: what older
 * commits changed, a little of which the mirror may hold already.
 *
 * <p>Why not fetch into the mirror with a depth: the fetch would offer every commit the mirror holds as common ground,
 * and over smart HTTP with protocol v0 JGit then fails as soon as it offers more than one round of them (32): the
 * server repeats its shallow lines in every answer, and JGit reads them only in the last. One commit offered is one
 * round, on every server and protocol. Neither the mirror's branches nor the reader's tip move.
 */
final class DeepeningFetch {

    private static final String FOLDER = "gitops-promotion-deepening";

    private DeepeningFetch() {
    }

    /**
     * Fetches {@code branch} {@code depth} commits deep into {@code mirror}, and records in the mirror where its history
     * now ends.
     *
     * @throws IOException naming the repository and the server's answer, never a credential
     */
    static void fetch(Repository mirror, RepositoryLocation location, GitAuth auth, int timeoutSeconds, String branch,
            ObjectId tip, int depth) throws IOException {
        Path folder = mirror.getDirectory().toPath().resolve(FOLDER);
        FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING); // a crash's leftover
        Set<ObjectId> reached;
        try (Repository view = new FileRepositoryBuilder().setGitDir(folder.toFile())
                .setObjectDirectory(mirror.getDirectory().toPath().resolve("objects").toFile())
                .setBare().build()) {
            // Not Repository.create: it would make the objects folder, which is the mirror's and exists.
            Files.createDirectories(folder.resolve("refs/heads"));
            Files.writeString(folder.resolve("HEAD"), "ref: refs/heads/" + branch + "\n");
            RefUpdate claim = view.updateRef("refs/heads/" + branch);
            claim.setNewObjectId(tip);
            claim.update();
            view.getObjectDatabase().setShallowCommits(Set.of(tip.copy()));
            Mirror.fetch(view, location, auth, timeoutSeconds, List.of(new RefSpec("refs/heads/" + branch)), depth,
                    "more history of " + branch);
            reached = view.getObjectDatabase().getShallowCommits();
        } finally {
            FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
        ObjectDatabase objects = mirror.getObjectDatabase();
        Set<ObjectId> candidates = new HashSet<>(objects.getShallowCommits());
        candidates.addAll(reached);
        objects.setShallowCommits(stillShallow(mirror, candidates));
    }

    /** The commits among {@code candidates} some parent of which the mirror lacks: where its history ends now. */
    private static Set<ObjectId> stillShallow(Repository mirror, Set<ObjectId> candidates) throws IOException {
        Set<ObjectId> shallow = new HashSet<>();
        try (RevWalk walk = new RevWalk(mirror)) {
            for (ObjectId id : candidates) {
                if (!mirror.getObjectDatabase().has(id)) {
                    continue;
                }
                RevCommit commit = walk.parseCommit(id);
                for (ObjectId parent : Mirror.parentsAsWritten(commit)) {
                    if (!mirror.getObjectDatabase().has(parent)) {
                        shallow.add(id.copy());
                        break;
                    }
                }
            }
        }
        return shallow;
    }
}

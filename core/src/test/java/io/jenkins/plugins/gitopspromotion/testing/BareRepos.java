package io.jenkins.plugins.gitopspromotion.testing;

import io.jenkins.plugins.gitopspromotion.git.TreeEdits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.InvalidRefNameException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads and writes bare repositories directly, without a working tree: seeds the repositories a test server
 * serves and simulates other builds landing commits on them.
 *
 * <p>Branches may be given short ({@code main}) or full ({@code refs/heads/main}).
 */
public final class BareRepos {

    /** Author and committer of the commits written here: "someone else" from the engine's point of view. */
    public static final PersonIdent OTHER_BUILD = new PersonIdent("Other Build", "other-build@example.invalid");

    private BareRepos() {
    }

    /**
     * Creates a bare repository whose initial branch is {@code main}.
     *
     * @param gitDir the folder to create it in (conventionally ending in {@code .git})
     * @return the open repository; the caller closes it
     * @throws IOException if it cannot be created
     */
    public static Repository create(Path gitDir) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare();
        try {
            builder.setInitialBranch("main");
        } catch (InvalidRefNameException e) {
            throw new IllegalStateException("main is a valid branch name", e);
        }
        Repository repository = builder.build();
        repository.create(true);
        return repository;
    }

    /**
     * Commits one file on top of {@code branch} (creating the branch if absent); other files are kept.
     *
     * @return the new commit
     * @throws IOException if the branch moved meanwhile or the repository cannot be written
     */
    public static RevCommit commitFile(Repository bare, String branch, String path, String content, String message)
            throws IOException {
        return seed(bare, branch, Map.of(path, content), message);
    }

    /**
     * Commits several files at once on top of {@code branch} (creating the branch if absent); files not named
     * are kept.
     *
     * @param files path to content, each a {@link String} (written as UTF-8) or a {@code byte[]}
     * @return the new commit
     * @throws IOException if the branch moved meanwhile or the repository cannot be written
     */
    public static RevCommit seed(Repository bare, String branch, Map<String, ?> files, String message)
            throws IOException {
        String refName = refName(branch);
        try (ObjectInserter inserter = bare.newObjectInserter();
                ObjectReader reader = inserter.newReader();
                RevWalk walk = new RevWalk(reader)) {
            Ref ref = bare.exactRef(refName);
            RevCommit parent = ref == null ? null : walk.parseCommit(ref.getObjectId());
            ObjectId tree = writeTree(inserter, reader, parent, blobs(inserter, files));

            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent now = new PersonIdent(OTHER_BUILD, Instant.now());
            commit.setAuthor(now);
            commit.setCommitter(now);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();

            moveRef(bare, refName, parent, id, walk);
            return walk.parseCommit(id);
        }
    }

    /**
     * Reads a file of {@code branch} as UTF-8.
     *
     * @return its content, or {@code null} if the branch or the file does not exist
     */
    public static String readFile(Repository bare, String branch, String path) throws IOException {
        byte[] bytes = readBytes(bare, branch, path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads a file of {@code branch}.
     *
     * @return its bytes, or {@code null} if the branch or the file does not exist
     */
    public static byte[] readBytes(Repository bare, String branch, String path) throws IOException {
        ObjectId head = head(bare, branch);
        if (head == null) {
            return null;
        }
        try (RevWalk walk = new RevWalk(bare);
                TreeWalk tree = TreeWalk.forPath(bare, path, walk.parseCommit(head).getTree())) {
            return tree == null ? null : bare.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes();
        }
    }

    /** The commit {@code branch} points at, or {@code null} if it does not exist. */
    public static ObjectId head(Repository bare, String branch) throws IOException {
        Ref ref = bare.exactRef(refName(branch));
        return ref == null ? null : ref.getObjectId();
    }

    /** The commits reachable from {@code branch}, newest first; empty if the branch does not exist. */
    public static List<RevCommit> log(Repository bare, String branch) throws IOException {
        ObjectId head = head(bare, branch);
        List<RevCommit> commits = new ArrayList<>();
        if (head == null) {
            return commits;
        }
        try (RevWalk walk = new RevWalk(bare)) {
            // Topological order: commits made within the same second must still come children first.
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                commits.add(commit);
            }
        }
        return commits;
    }

    /** Whether every commit reachable from {@code branch} has at most one parent (no merge commits). */
    public static boolean isLinear(Repository bare, String branch) throws IOException {
        return log(bare, branch).stream().allMatch(commit -> commit.getParentCount() <= 1);
    }

    /** {@code main} → {@code refs/heads/main}; full ref names are kept. */
    static String refName(String branch) {
        return branch.startsWith(Constants.R_REFS) ? branch : Constants.R_HEADS + branch;
    }

    private static Map<String, ObjectId> blobs(ObjectInserter inserter, Map<String, ?> files) throws IOException {
        Map<String, ObjectId> blobs = new LinkedHashMap<>();
        for (Map.Entry<String, ?> file : files.entrySet()) {
            blobs.put(file.getKey(), inserter.insert(Constants.OBJ_BLOB, bytes(file.getKey(), file.getValue())));
        }
        return blobs;
    }

    private static byte[] bytes(String path, Object content) {
        if (content instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (content instanceof byte[] raw) {
            return raw;
        }
        throw new IllegalArgumentException("Content of " + path + " must be a String or byte[], not " + content);
    }

    /** The parent's tree with {@code blobs} added or replaced, built in memory. */
    private static ObjectId writeTree(ObjectInserter inserter, ObjectReader reader, RevCommit parent,
            Map<String, ObjectId> blobs) throws IOException {
        return TreeEdits.apply(reader, inserter, parent == null ? null : parent.getTree(), blobs);
    }

    /** Compare-and-swap, so that a concurrent writer makes this fail rather than be overwritten. */
    private static void moveRef(Repository bare, String refName, ObjectId expectedOld, ObjectId id, RevWalk walk)
            throws IOException {
        RefUpdate update = bare.updateRef(refName);
        update.setExpectedOldObjectId(expectedOld == null ? ObjectId.zeroId() : expectedOld);
        update.setNewObjectId(id);
        update.setRefLogIdent(OTHER_BUILD);
        update.setRefLogMessage("commit (test)", false);
        RefUpdate.Result result = update.update(walk);
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("Could not move " + refName + " to " + id.name() + ": " + result);
        }
    }
}

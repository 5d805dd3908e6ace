package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds a commit in a repository's object database, without a working tree or an index file: the changed
 * files' blobs are inserted, the trees on their paths rewritten ({@link TreeEdits}), and a commit written. No ref is moved; pushing the commit is a separate step.
 */
public final class TreeCommitter {

    private TreeCommitter() {
    }

    /**
     * Writes a commit that changes {@code files} (path to new content) on top of {@code parent}, authored and
     * committed now by {@code author}'s name and e-mail.
     *
     * @return the new commit's id
     */
    public static ObjectId commit(Repository repository, RevCommit parent, Map<String, byte[]> files, String message,
            PersonIdent author) throws IOException {
        return commit(repository, parent, files, message, author, Optional.empty());
    }

    /**
     * Writes a commit that changes {@code files} (path to new content) on top of {@code parent}, authored and
     * committed now by {@code author}'s name and e-mail, and signed by {@code signer} if one is given.
     *
     * @return the new commit's id
     * @throws IllegalStateException if the signer cannot sign; no commit is written then
     */
    public static ObjectId commit(Repository repository, RevCommit parent, Map<String, byte[]> files, String message,
            PersonIdent author, Optional<CommitSigner> signer) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter();
                var reader = repository.newObjectReader()) {
            Map<String, ObjectId> blobs = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                blobs.put(file.getKey(), inserter.insert(Constants.OBJ_BLOB, file.getValue()));
            }
            ObjectId tree = TreeEdits.apply(reader, inserter, parent.getTree(), blobs);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(parent);
            // Stamped now: the identity given may have been created long before (a default, a long build).
            PersonIdent now = new PersonIdent(author.getName(), author.getEmailAddress());
            commit.setAuthor(now);
            commit.setCommitter(now);
            commit.setMessage(message);
            // Signed last: the signature covers every other header and the message.
            signer.ifPresent(s -> s.sign(commit, now));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A bare config repository on disk that the real {@code git} reads, with commits made through
 * {@link TreeCommitter}: signed, unsigned, and signed then tampered with.
 */
final class SignedCommitFixture implements AutoCloseable {

    static final String FILE = "apps/web/dev/kustomization.yaml";
    static final String MESSAGE = "Promote web 1.0.0 → 1.1.0 to dev\n\nPromoted-Image: ghcr.io/acme/web:1.1.0\n";

    private final Path gitDir;
    private final Repository repository;
    private final RevCommit parent;

    private SignedCommitFixture(Path gitDir, Repository repository, RevCommit parent) {
        this.gitDir = gitDir;
        this.repository = repository;
        this.parent = parent;
    }

    /** A seeded bare repository in {@code gitDir}. */
    static SignedCommitFixture create(Path gitDir) throws IOException {
        Repository repository = BareRepos.create(gitDir);
        return new SignedCommitFixture(gitDir, repository, ConfigRepositoryFixture.seed(repository));
    }

    Path gitDir() {
        return gitDir;
    }

    Repository repository() {
        return repository;
    }

    /** A promotion-like commit on top of {@code main} by {@code committer}, signed if a signer is given. */
    ObjectId commit(PersonIdent committer, Optional<CommitSigner> signer) throws IOException {
        byte[] content = ("# web in dev\nresources:\n- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n")
                .getBytes(StandardCharsets.UTF_8);
        return TreeCommitter.commit(repository, parent, Map.of(FILE, content), MESSAGE, committer, signer);
    }

    /** The commit object's raw text. */
    String raw(ObjectId commit) throws IOException {
        return new String(repository.open(commit, Constants.OBJ_COMMIT).getCachedBytes(), StandardCharsets.UTF_8);
    }

    /** A copy of {@code commit} with its signature kept and its message changed: what an attacker would push. */
    ObjectId tampered(ObjectId commit) throws IOException {
        String raw = raw(commit);
        String changed = raw.replace("1.0.0 → 1.1.0", "1.0.0 → 6.6.6");
        if (changed.equals(raw)) {
            throw new IllegalStateException("the commit does not hold the message to tamper with");
        }
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId id = inserter.insert(Constants.OBJ_COMMIT, changed.getBytes(StandardCharsets.UTF_8));
            inserter.flush();
            return id;
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}

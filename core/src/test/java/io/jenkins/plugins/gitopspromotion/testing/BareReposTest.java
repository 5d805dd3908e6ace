package io.jenkins.plugins.gitopspromotion.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareReposTest {

    @TempDir
    Path tmp;

    private Repository bare;

    @BeforeEach
    void create() throws IOException {
        bare = BareRepos.create(tmp.resolve("repo.git"));
    }

    @AfterEach
    void close() {
        bare.close();
    }

    @Test
    void createsABareRepositoryOnMain() throws IOException {
        assertThat(bare.isBare()).isTrue();
        assertThat(bare.getFullBranch()).isEqualTo("refs/heads/main");
        assertThat(BareRepos.head(bare, "main")).isNull();
        assertThat(BareRepos.log(bare, "main")).isEmpty();
        assertThat(BareRepos.readFile(bare, "main", "any")).isNull();
    }

    @Test
    void seedsSeveralFilesAndCommitsOnTopKeepingTheOthers() throws IOException {
        byte[] binary = {0, 1, 2, (byte) 0xff};
        RevCommit seed = BareRepos.seed(bare, "main",
                Map.of("a/values.yaml", "tag: v1\n", "b/blob.bin", binary), "Seed");
        RevCommit next = BareRepos.commitFile(bare, "refs/heads/main", "a/values.yaml", "tag: v2\n", "Bump");

        assertThat(BareRepos.readFile(bare, "main", "a/values.yaml")).isEqualTo("tag: v2\n");
        assertThat(BareRepos.readBytes(bare, "main", "b/blob.bin")).isEqualTo(binary);
        assertThat(BareRepos.readFile(bare, "main", "missing")).isNull();
        assertThat(BareRepos.log(bare, "main")).containsExactly(next, seed);
        assertThat(next.getParents()).containsExactly(seed);
        assertThat(BareRepos.isLinear(bare, "main")).isTrue();
    }

    @Test
    void rejectsContentThatIsNeitherTextNorBytes() {
        assertThatThrownBy(() -> BareRepos.seed(bare, "main", Map.of("x", 42), "Seed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    }

    @Test
    void aMergeCommitMakesTheBranchNonLinear() throws IOException {
        RevCommit base = BareRepos.commitFile(bare, "main", "f", "1\n", "Base");
        RevCommit left = BareRepos.commitFile(bare, "main", "f", "2\n", "Left");
        RevCommit right = BareRepos.commitFile(bare, "side", "g", "3\n", "Right");
        assertThat(right.getParentCount()).isZero();
        assertThat(BareRepos.isLinear(bare, "main")).isTrue();

        merge(left, right);

        assertThat(BareRepos.isLinear(bare, "main")).isFalse();
        assertThat(BareRepos.log(bare, "main")).hasSize(4).contains(base);
    }

    private void merge(RevCommit first, RevCommit second) throws IOException {
        try (ObjectInserter inserter = bare.newObjectInserter()) {
            CommitBuilder merge = new CommitBuilder();
            merge.setTreeId(first.getTree());
            merge.setParentIds(first, second);
            merge.setAuthor(BareRepos.OTHER_BUILD);
            merge.setCommitter(BareRepos.OTHER_BUILD);
            merge.setMessage("Merge");
            merge.setEncoding(StandardCharsets.UTF_8);
            ObjectId id = inserter.insert(merge);
            inserter.flush();
            RefUpdate update = bare.updateRef("refs/heads/main");
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(first);
            assertThat(update.update()).isEqualTo(RefUpdate.Result.FAST_FORWARD);
        }
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a commit's files and writing a commit, both straight from and to the object database. */
class GitTreeTest {

    @TempDir
    Path temp;

    @Test
    void readsFilesAndListsFoldersOfACommit() throws Exception {
        try (Repository repository = BareRepos.create(temp.resolve("r.git"))) {
            RevCommit commit = BareRepos.seed(repository, "main", Map.of("a/b/c.yaml", "c", "a/b/d.yml", "d", "a/e.yaml", "e",
                    "top.txt", "t"), "seed");
            GitTree tree = new GitTree(repository, commit);

            assertThat(tree.read("a/b/c.yaml")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("c"));
            assertThat(tree.read("a/b")).isEmpty();
            assertThat(tree.read("a/missing.yaml")).isEmpty();
            assertThat(tree.files()).containsExactly("a/b/c.yaml", "a/b/d.yml", "a/e.yaml", "top.txt");
            assertThat(tree.filesIn("a/b")).containsExactly("a/b/c.yaml", "a/b/d.yml");
            assertThat(tree.filesIn("a")).containsExactly("a/e.yaml");
            assertThat(tree.filesIn("")).containsExactly("top.txt");
            assertThat(tree.filesIn("nowhere")).isEmpty();
            assertThatThrownBy(() -> tree.read("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.read("/a/e.yaml")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void commitsChangedFilesOnTopOfTheParentWithoutTouchingRefs() throws Exception {
        try (Repository repository = BareRepos.create(temp.resolve("r.git"))) {
            RevCommit parent = BareRepos.seed(repository, "main", Map.of("a/x.yaml", "old", "b/y.yaml", "keep"), "seed");
            ObjectId id = TreeCommitter.commit(repository, parent, Map.of("a/x.yaml", "new".getBytes(StandardCharsets.UTF_8),
                    "a/new.yaml", "added".getBytes(StandardCharsets.UTF_8)), "Change", new PersonIdent("Bot", "bot@example.invalid"));

            assertThat(BareRepos.head(repository, "main")).isEqualTo(parent.getId());
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                assertThat(commit.getParent(0)).isEqualTo(parent);
                assertThat(commit.getFullMessage()).isEqualTo("Change");
                assertThat(commit.getAuthorIdent().getName()).isEqualTo("Bot");
                GitTree tree = new GitTree(repository, commit);
                assertThat(tree.files()).containsExactly("a/new.yaml", "a/x.yaml", "b/y.yaml");
                assertThat(new String(tree.read("a/x.yaml").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("new");
                assertThat(new String(tree.read("b/y.yaml").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("keep");
            }
        }
    }
}

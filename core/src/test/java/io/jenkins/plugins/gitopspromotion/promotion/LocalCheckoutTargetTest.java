package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promotion into a repository on this machine that has a working tree (a checkout made by the real {@code git}):
 * the checked-out branch is refused as {@code git push} refuses it, since the working tree would undo the promotion
 * with its next commit; other branches, and repositories that ask for it, are pushed to.
 */
class LocalCheckoutTargetTest {

    @TempDir
    Path temp;

    private Path work;

    @BeforeEach
    void checkout() throws IOException {
        RealParts.require(Programs.installed("git"), "git");
        work = temp.resolve("work");
        git(temp, "init", "-q", "-b", "main", work.toString());
        try (Repository repository = open()) {
            ConfigRepositoryFixture.seed(repository);
        }
        git(work, "reset", "-q", "--hard", "main");
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(work.resolve(".git").toFile()).build();
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        return Programs.runOk(Map.of(), command);
    }

    private PromotionResult promote(PromotionMode mode) throws IOException {
        return TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).promote(PromotionRequest.builder(
                        RepositoryLocation.parse(work.toString()), "dev").app("web").mode(mode)
                .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).build());
    }

    @Test
    void theCheckedOutBranchOfACheckoutIsRefusedAndNothingMoves() throws IOException {
        ObjectId before;
        try (Repository repository = open()) {
            before = BareRepos.head(repository, "main");
        }

        assertThatThrownBy(() -> promote(PromotionMode.COMMIT)).isInstanceOf(PromotionException.class)
                .hasMessageContaining("refusing to update the branch main, which is checked out in the working tree " + work)
                .hasMessageContaining("promote into a bare repository");

        try (Repository repository = open()) {
            assertThat(BareRepos.head(repository, "main")).isEqualTo(before);
        }
        assertThat(git(work, "status", "--porcelain")).as("the working tree matches its branch").isEmpty();
    }

    @Test
    void aPromotionBranchIsPushedBesideTheCheckedOutOne() throws IOException {
        assertThat(promote(PromotionMode.BRANCH).status()).isEqualTo(PromotionResult.Status.PROMOTED);

        assertThat(git(work, "show", "gitops-promotion/dev/web:apps/web/dev/kustomization.yaml")).contains("1.1.0");
        assertThat(git(work, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aRepositoryWhoseReceiveDenyCurrentBranchIsIgnoreIsPushedToAsGitWould() throws IOException {
        git(work, "config", "receive.denyCurrentBranch", "ignore");

        assertThat(promote(PromotionMode.COMMIT).status()).isEqualTo(PromotionResult.Status.PROMOTED);
    }

    @Test
    void aBranchCheckedOutInALinkedWorktreeOfABareRepositoryIsRefusedToo() throws IOException {
        Path bare = temp.resolve("config.git");
        git(temp, "clone", "-q", "--bare", work.toString(), bare.toString());
        Path linked = temp.resolve("linked");
        git(bare, "worktree", "add", "-q", linked.toString(), "main");

        assertThatThrownBy(() -> TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache2"), 30)).promote(
                PromotionRequest.builder(RepositoryLocation.parse(bare.toString()), "dev").app("web")
                        .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).build()))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("checked out in the working tree " + linked.toRealPath());
    }
}

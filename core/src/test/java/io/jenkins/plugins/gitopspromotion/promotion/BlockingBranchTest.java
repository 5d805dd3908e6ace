package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitDaemon;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A branch named like a folder of the promotion branch ({@code gitops-promotion/dev} against
 * {@code gitops-promotion/dev/web}) can never be pushed past, however often one tries: the promotion says which
 * branch blocks, at once, against JGit's server and against the real {@code git daemon}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockingBranchTest {

    @TempDir
    Path temp;

    private void assertBlockedAtOnce(Repository remote, RepositoryLocation location, GitAuth auth) throws Exception {
        ConfigRepositoryFixture.seed(remote);
        BareRepos.commitFile(remote, "gitops-promotion/dev", "note.txt", "someone's branch\n", "A branch in the way");
        long start = System.nanoTime();

        assertThatThrownBy(() -> TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).promote(
                PromotionRequest.builder(location, "dev").app("web").auth(auth).mode(PromotionMode.BRANCH)
                        .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).build()))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("the branch gitops-promotion/dev on " + location + " blocks gitops-promotion/dev/web")
                .hasMessageNotContaining("lost a race");

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("no ten retries").isLessThan(5);
        assertThat(BareRepos.head(remote, "gitops-promotion/dev/web")).isNull();
    }

    @Test
    void againstJGitsHttpServer() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp.resolve("git"), "ci", "pw-123456")) {
            assertBlockedAtOnce(server.createRepository("config"), RepositoryLocation.parse(server.url("config").toString()),
                    GitAuth.password("ci", "pw-123456".toCharArray()));
        }
    }

    @Test
    void againstGitDaemon() throws Exception {
        RealParts.require(GitDaemon.gitInstalled(), "git (for git daemon)");
        try (GitDaemon daemon = GitDaemon.start(temp.resolve("daemon"))) {
            assertBlockedAtOnce(daemon.createRepository("config"), RepositoryLocation.parse(daemon.url("config").toString()),
                    GitAuth.none());
        }
    }
}

package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitDaemon;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same promotion over the git protocol (the real {@code git daemon}), a local path and a file URL. */
class TransportsTest {

    @TempDir
    Path temp;

    private PromotionResult promote(RepositoryLocation location, String tag) throws Exception {
        return TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).promote(PromotionRequest.builder(location, "dev")
                .app("web").version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
    }

    @Test
    void overTheGitProtocol() throws Exception {
        RealParts.require(GitDaemon.gitInstalled(), "git (for git daemon)");
        try (GitDaemon daemon = GitDaemon.start(temp.resolve("daemon"))) {
            Repository remote = daemon.createRepository("config");
            ConfigRepositoryFixture.seed(remote);

            PromotionResult result = promote(RepositoryLocation.parse(daemon.url("config").toString()), "1.1.0");

            assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.1.0\"");
        }
    }

    @Test
    void toALocalPathAndAFileUrl() throws Exception {
        Path bare = temp.resolve("config.git");
        try (Repository remote = BareRepos.create(bare)) {
            ConfigRepositoryFixture.seed(remote);

            assertThat(promote(RepositoryLocation.parse(bare.toString()), "1.1.0").status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(promote(RepositoryLocation.parse(bare.toUri().toString()), "1.2.0").status())
                    .isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(BareRepos.log(remote, "main")).hasSize(3);
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.2.0\"");
        }
    }
}

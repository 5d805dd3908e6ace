package io.jenkins.plugins.gitopspromotion.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.StatusReport;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticConfigRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void seedsEveryAppInEveryEnvironmentAndTheEngineReadsIt() throws Exception {
        SyntheticConfigRepository synthetic = SyntheticConfigRepository.of(12);
        try (Repository bare = BareRepos.create(temp.resolve("config.git"))) {
            synthetic.seed(bare);
            synthetic.history(bare, 5, 42);
            assertThat(BareRepos.log(bare, "main")).hasSize(6);
            assertThat(BareRepos.readFile(bare, "main", SyntheticConfigRepository.overlay("app-0011", "prod")))
                    .contains("newTag: \"1.0.0\"");
        }
        assertThat(synthetic.fileCount()).isEqualTo(1 + 12 * 5);

        StatusReport status = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30))
                .status(RepositoryLocation.parse(temp.resolve("config.git").toString()), GitAuth.none(), "main");
        assertThat(status.environments()).containsExactly("dev", "staging", "prod");
        assertThat(status.cell("app-0003", "dev").tag()).isEqualTo("1.0.2");
    }
}

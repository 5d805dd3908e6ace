package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file is parsed once per distinct content; a change is seen at once, and a broken file always fails. */
class ConfigCacheTest {

    @TempDir
    Path temp;

    @Test
    void parsesEachDistinctConfigFileOnceAndNeverKeepsAFailure() throws Exception {
        try (Repository repository = BareRepos.create(temp.resolve("config.git"))) {
            RevCommit first = ConfigRepositoryFixture.seed(repository);
            RevCommit unrelated = BareRepos.commitFile(repository, "main", "README.md", "hello\n", "Unrelated change");
            ConfigCache cache = new ConfigCache(temp.resolve("config-index"));

            PromotionConfig config = cache.load(new GitTree(repository, first));
            assertThat(cache.load(new GitTree(repository, unrelated))).as("same file, same config").isSameAs(config);

            RevCommit changed = BareRepos.commitFile(repository, "main", ConfigLoader.CONFIG_PATH,
                    ConfigRepositoryFixture.CONFIG.replace("  - name: worker", "  - name: batch\n    image: ghcr.io/acme/batch\n"
                            + "  - name: worker"), "Add batch");
            assertThat(cache.load(new GitTree(repository, changed)).app("batch")).as("a changed file is read again").isPresent();

            RevCommit broken = BareRepos.commitFile(repository, "main", ConfigLoader.CONFIG_PATH, "environments: [\n", "Break it");
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> cache.load(new GitTree(repository, broken))).isInstanceOf(ConfigException.class)
                        .hasMessageStartingWith(ConfigLoader.CONFIG_PATH);
            }
        }
    }
}

package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh engine (a new command-line process) promotes one app from the config index its predecessor left. */
class ConfigIndexOnDiskTest {

    @TempDir
    Path temp;

    @Test
    void aLaterProcessPromotesFromTheIndexAndFallsBackToTheWholeFile() throws Exception {
        Path dir = temp.resolve("config.git");
        try (Repository remote = BareRepos.create(dir)) {
            SyntheticConfigRepository.of(30).seed(remote);
            RepositoryLocation location = RepositoryLocation.parse(dir.toString());
            Path cache = temp.resolve("cache");

            promote(cache, location, PromotionRequest.builder(location, "dev").app("app-0001"), "2.0.0");
            Path indexes = cache.resolve("config-index");
            assertThat(indexes).isDirectoryContaining(p -> p.getFileName().toString().matches("[0-9a-f]{40}"));
            assertThat(Files.list(indexes).filter(p -> p.toString().endsWith(".tmp"))).isEmpty();

            // Each a new engine: nothing in memory, the index on disk.
            assertThat(promote(cache, location, PromotionRequest.builder(location, "dev").app("app-0017"), "2.0.1").tag())
                    .isEqualTo("2.0.1");
            assertThat(promote(cache, location,
                    PromotionRequest.builder(location, "staging").image(ImageReference.parse("ghcr.io/acme/app-0017")), "2.0.1")
                    .files()).containsExactly(SyntheticConfigRepository.overlay("app-0017", "staging"));
            assertThat(BareRepos.readFile(remote, "main", SyntheticConfigRepository.overlay("app-0017", "dev")))
                    .contains("newTag: \"2.0.1\"");
            assertThatThrownBy(() -> promote(cache, location, PromotionRequest.builder(location, "dev").app("nope"), "1"))
                    .hasMessageContaining("no app nope").hasMessageContaining("app-0029");
            assertThat(BareRepos.log(remote, "main")).hasSize(4);
        }
    }

    private static PromotionResult promote(Path cache, RepositoryLocation location, PromotionRequest.Builder request, String tag)
            throws Exception {
        return TestEngines.cleanBoundary(new MirrorCache(cache, 30))
                .promote(request.auth(GitAuth.none()).version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
    }
}

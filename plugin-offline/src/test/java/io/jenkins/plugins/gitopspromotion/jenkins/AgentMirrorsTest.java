package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds of different jobs on one agent keep their mirrors apart by the credentials they read them with. */
class AgentMirrorsTest {

    @TempDir
    Path dir;

    private String promote(Path cache, AccessCredentials credentials, String tag) throws Exception {
        RepositoryAccess access = new RepositoryAccess(dir.resolve("config.git").toUri().toString(), null, credentials, "none", null,
                null);
        PromotionOrder order = PromotionOrder.promote(access, "dev").app("web").tag(tag).boundary("off");
        return new PromoteOnAgent(order, new AgentSettings(cache.toString(), Map.of(), NetworkSettings.defaults())).invoke(dir.toFile(), null);
    }

    private static List<String> mirrorFolders(Path cache) throws Exception {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void twoJobsCredentialsGetTwoMirrorsAndOneWithoutCredentialsTheSharedOne() throws Exception {
        try (Repository remote = BareRepos.create(dir.resolve("config.git"))) {
            ConfigRepositoryFixture.seed(remote);
        }
        Path cache = dir.resolve("cache");

        assertThat(promote(cache, AccessCredentials.password("ci", "t0ken-job-a".toCharArray()), "1.1.0")).contains("\"promoted\"");
        assertThat(promote(cache, AccessCredentials.password("ci", "t0ken-job-b".toCharArray()), "1.2.0")).contains("\"promoted\"");
        assertThat(promote(cache, AccessCredentials.password("ci", "t0ken-job-a".toCharArray()), "1.3.0")).contains("\"promoted\"");

        List<String> folders = mirrorFolders(cache);
        assertThat(folders).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("credentials-"));
        try (Stream<Path> partition = Files.list(cache.resolve(folders.get(0)))) {
            assertThat(partition.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("config-") && name.endsWith(".git"));
        }
        promote(cache, AccessCredentials.none(), "1.4.0");
        assertThat(mirrorFolders(cache)).containsAll(folders).anyMatch(name -> name.startsWith("config-") && name.endsWith(".git"));
    }
}

package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process killed at a bad moment (kill -9, an agent lost) leaves behind must not wedge later promotions:
 * Git's {@code *.lock} files in the mirror are cleared under the mirror's own lock, and a lock left in a local
 * target repository is reported as a lock, not as a lost race.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {

    @TempDir
    Path temp;

    private PromotionEngine engine() {
        return TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30));
    }

    private static PromotionRequest.Builder request(RepositoryLocation location, String tag) {
        return PromotionRequest.builder(location, "dev").app("web")
                .version(new VersionSource.Given(Optional.of(tag), Optional.empty()));
    }

    private Path mirror() throws IOException {
        try (Stream<Path> mirrors = Files.list(temp.resolve("cache"))) {
            return mirrors.filter(p -> p.getFileName().toString().endsWith(".git")).findFirst().orElseThrow();
        }
    }

    @Test
    void staleRefLocksInTheMirrorAreClearedAndThePromotionLands() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp.resolve("git"), "ci", "pw-123456")) {
            Repository remote = server.createRepository("config");
            ConfigRepositoryFixture.seed(remote);
            RepositoryLocation location = RepositoryLocation.parse(server.url("config").toString());
            GitAuth auth = GitAuth.password("ci", "pw-123456".toCharArray());
            assertThat(engine().promote(request(location, "1.1.0").auth(auth).build()).status())
                    .isEqualTo(PromotionResult.Status.PROMOTED);
            // Another build lands a commit; then a promotion is killed while the mirror's refs are locked.
            BareRepos.commitFile(remote, "main", "apps/api/dev/notes.txt", "other build\n", "Other build");
            Files.writeString(mirror().resolve("refs/heads/main.lock"), "");
            Files.writeString(mirror().resolve("packed-refs.lock"), "");

            PromotionResult result = engine().promote(request(location, "1.2.0").auth(auth).build());

            assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("1.2.0");
            assertThat(BareRepos.readFile(remote, "main", "apps/api/dev/notes.txt")).as("the other build's commit kept")
                    .isEqualTo("other build\n");
            assertThat(mirror().resolve("refs/heads/main.lock")).doesNotExist();
        }
    }

    @Test
    void aStaleLockInALocalTargetIsReportedAsALockNotAsLostRaces() throws Exception {
        Path bare = temp.resolve("config.git");
        try (Repository remote = BareRepos.create(bare)) {
            ConfigRepositoryFixture.seed(remote);
            ObjectId before = BareRepos.head(remote, "main");
            Path lock = bare.resolve("refs/heads/main.lock");
            Files.writeString(lock, "");
            Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            long start = System.nanoTime();

            assertThatThrownBy(() -> engine().promote(request(RepositoryLocation.parse(bare.toString()), "1.1.0").build()))
                    .isInstanceOf(PromotionException.class)
                    .hasMessageContaining("main is locked in " + bare)
                    .hasMessageContaining(lock.toString())
                    .hasMessageNotContaining("lost a race");

            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("not ten backoffs").isLessThan(5);
            assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
            assertThat(lock).as("someone else's lock is not ours to remove").exists();
        }
    }
}

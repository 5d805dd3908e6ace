package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror cache on disk: who may read it, and what a crash leaves behind. */
class MirrorCacheTest {

    @TempDir
    Path temp;

    private RepositoryLocation served() throws IOException {
        try (Repository origin = BareRepos.create(temp.resolve("origin.git"))) {
            BareRepos.commitFile(origin, "main", "a.yaml", "a: 1\n", "first");
        }
        return RepositoryLocation.parse(temp.resolve("origin.git").toString());
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void theCacheFolderEachMirrorAndItsLockAreTheOwnersAloneWhateverTheUmask() throws IOException {
        Path root = temp.resolve("cache/mirrors");
        try (Mirror mirror = new MirrorCache(root, 30).open(served(), GitAuth.none(), List.of("main"))) {
            assertThat(permissions(root)).isEqualTo("rwx------");
            assertThat(permissions(temp.resolve("cache"))).as("a parent the cache made").isEqualTo("rwx------");
            assertThat(permissions(mirror.repository().getDirectory().toPath())).isEqualTo("rwx------");
            assertThat(children(root)).filteredOn(p -> p.toString().endsWith(".lock")).singleElement()
                    .satisfies(lock -> assertThat(permissions(lock)).isEqualTo("rw-------"));
        }
    }

    @Test
    void aFetchThatCannotUpdateTheMirrorsCopyOfABranchFailsSayingSoInsteadOfLeavingItOld() throws IOException {
        RepositoryLocation location = served();
        try (Mirror mirror = new MirrorCache(temp.resolve("cache"), 30).open(location, GitAuth.none(), List.of("main"))) {
            try (Repository served = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                    .setGitDir(temp.resolve("origin.git").toFile()).build()) {
                BareRepos.commitFile(served, "main", "b.yaml", "b: 2\n", "second");
            }
            Path lock = mirror.repository().getDirectory().toPath().resolve("refs/heads/main.lock");
            Files.writeString(lock, "");

            assertThatThrownBy(() -> mirror.fetch(List.of("main"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("from " + location + " failed: the mirror's copy refs/heads/main in "
                            + mirror.repository().getDirectory() + " could not be updated (LOCK_FAILURE)");
        }
    }

    @Test
    void aMirrorMadeWithWiderPermissionsIsNarrowedWhenOpened() throws IOException {
        Path root = temp.resolve("cache");
        RepositoryLocation location = served();
        MirrorCache cache = new MirrorCache(root, 30);
        Path dir;
        try (Mirror mirror = cache.open(location, GitAuth.none(), List.of("main"))) {
            dir = mirror.repository().getDirectory().toPath();
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Mirror mirror = cache.open(location, GitAuth.none(), List.of("main"))) {
            assertThat(permissions(dir)).isEqualTo("rwx------");
        }
    }
}

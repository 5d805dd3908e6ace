package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A mirror fetched into again and again is repacked once it holds too many packs, and loses nothing. */
@Timeout(120)
class MirrorMaintenanceTest {

    @TempDir
    Path tmp;

    private Repository server;
    private MirrorCache cache;
    private RepositoryLocation location;

    @BeforeEach
    void serverWithOneCommit() throws IOException {
        server = BareRepos.create(tmp.resolve("server.git"));
        BareRepos.commitFile(server, "main", "app/values.yaml", "tag: \"0\"\n", "first");
        cache = new MirrorCache(tmp.resolve("cache"), 30);
        location = RepositoryLocation.parse(server.getDirectory().getPath());
    }

    @Test
    void everyFetchAddsAPackUpToTheLimitThenTheMirrorIsRepackedIntoOne() throws IOException {
        assertThat(fetchAfterNewCommit(0)).isEqualTo(1);
        for (int i = 1; i < MirrorMaintenance.PACK_LIMIT; i++) {
            assertThat(fetchAfterNewCommit(i)).as("packs after %d fetches", i).isEqualTo(i + 1);
        }

        long packs = fetchAfterNewCommit(MirrorMaintenance.PACK_LIMIT);

        assertThat(packs).isEqualTo(1);
        try (Mirror mirror = cache.open(location, GitAuth.none(), List.of("main"));
                Stream<Path> files = Files.list(mirror.repository().getDirectory().toPath().resolve("objects/pack"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".bitmap"));
            assertThat(mirror.branch("main").orElseThrow().getId()).isEqualTo(BareRepos.head(server, "main"));
            List<RevCommit> history = BareRepos.log(mirror.repository(), "main");
            assertThat(history).hasSize(MirrorMaintenance.PACK_LIMIT + 1);
            for (int i = 0; i < history.size(); i++) {
                int version = history.size() - 1 - i;
                try (TreeWalk file = TreeWalk.forPath(mirror.repository(), "app/values.yaml", history.get(i).getTree())) {
                    assertThat(new String(mirror.repository().open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("tag: \"" + version + "\"\n");
                }
            }
            RealParts.require(Programs.installed("git"), "git");
            Programs.Result fsck = Programs.run(Map.of(), List.of("git", "--git-dir=" + mirror.repository().getDirectory(),
                    "fsck", "--full", "--no-dangling"));
            assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        }
    }

    @Test
    void aMirrorAtTheLimitIsLeftAlone() throws IOException {
        for (int i = 0; i < MirrorMaintenance.PACK_LIMIT; i++) {
            fetchAfterNewCommit(i);
        }
        try (Mirror mirror = cache.open(location, GitAuth.none(), List.of("main"))) {
            // Nothing new to fetch: no new pack, and fifty is not too many.
            assertThat(MirrorMaintenance.packCount(mirror.repository())).isEqualTo(MirrorMaintenance.PACK_LIMIT);
        }
    }

    /** Commits version {@code i} on the server (after the first), fetches it, and counts the mirror's packs. */
    private long fetchAfterNewCommit(int i) throws IOException {
        if (i > 0) {
            BareRepos.commitFile(server, "main", "app/values.yaml", "tag: \"" + i + "\"\n", "version " + i);
        }
        try (Mirror mirror = cache.open(location, GitAuth.none(), List.of("main"))) {
            return MirrorMaintenance.packCount(mirror.repository());
        }
    }
}

package io.jenkins.plugins.gitopspromotion.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDaemonTest {

    @TempDir
    Path tmp;

    private GitDaemon daemon;
    private Repository config;
    private RevCommit seeded;

    @BeforeEach
    void start() throws Exception {
        RealParts.require(GitDaemon.gitInstalled(), "git (for git daemon)");
        daemon = GitDaemon.start(tmp.resolve("daemon"));
        config = daemon.createRepository("config");
        seeded = BareRepos.commitFile(config, "main", "values.yaml", "tag: v1\n", "Seed");
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void listsRefsOverGitProtocol() throws Exception {
        Collection<Ref> refs = Git.lsRemoteRepository().setRemote(daemon.url("config").toString()).call();

        assertThat(daemon.url("config")).hasToString("git://127.0.0.1:" + daemon.port() + "/config.git");
        assertThat(refs).anySatisfy(ref -> {
            assertThat(ref.getName()).isEqualTo("refs/heads/main");
            assertThat(ref.getObjectId()).isEqualTo(seeded);
        });
    }

    @Test
    void clonesAndPushesOverGitProtocol() throws Exception {
        try (Git clone = Git.cloneRepository().setURI(daemon.url("config").toString())
                .setDirectory(tmp.resolve("clone").toFile()).call()) {
            Files.writeString(tmp.resolve("clone/values.yaml"), "tag: v2\n");
            clone.add().addFilepattern("values.yaml").call();
            RevCommit local = clone.commit().setMessage("Promote").setAuthor("Promoter", "promoter@example.invalid")
                    .setCommitter("Promoter", "promoter@example.invalid").setSign(false).call();

            Iterable<PushResult> results = clone.push().setRemote("origin").add("main").call();

            RemoteRefUpdate update = results.iterator().next().getRemoteUpdate("refs/heads/main");
            assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(BareRepos.head(config, "main")).isEqualTo(local);
            assertThat(BareRepos.readFile(config, "main", "values.yaml")).isEqualTo("tag: v2\n");
        }
    }
}

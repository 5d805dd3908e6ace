package io.jenkins.plugins.gitopspromotion.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHttpServerTest {

    private static final String USER = "promoter";
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    Path tmp;

    private GitHttpServer server;
    private Repository config;
    private RevCommit seeded;

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(tmp.resolve("server"), USER, PASSWORD);
        config = server.createRepository("config");
        seeded = BareRepos.seed(config, "main", Map.of("apps/web/values.yaml", "image:\n  tag: v1\n",
                "README.md", "config\n"), "Seed");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void urlNamesTheRepositoryOnLoopback() {
        assertThat(server.url("config")).hasToString("http://127.0.0.1:" + server.port() + "/git/config.git");
        assertThat(server.url("config.git")).isEqualTo(server.url("config"));
    }

    @Test
    void listsRefsWithTheRightCredentials() throws Exception {
        Collection<Ref> refs = Git.lsRemoteRepository()
                .setRemote(server.url("config").toString())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, PASSWORD))
                .call();

        assertThat(refs).anySatisfy(ref -> {
            assertThat(ref.getName()).isEqualTo("refs/heads/main");
            assertThat(ref.getObjectId()).isEqualTo(seeded);
        });
        assertThat(server.advertisementCount()).isEqualTo(1);
        assertThat(server.packsServed()).isZero();
    }

    @Test
    void wrongPasswordIsNotAuthorizedAndTheMessageKeepsThePasswordSecret() {
        String wrong = "not-the-Pa55word";

        assertThatThrownBy(() -> Git.lsRemoteRepository()
                .setRemote(server.url("config").toString())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, wrong))
                .call())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("not authorized")
                .message().doesNotContain(wrong, PASSWORD);
        assertThat(server.requestCount()).as("no request got past authentication").isZero();
    }

    @Test
    void missingCredentialsAreRefused() {
        assertThatThrownBy(() -> Git.lsRemoteRepository().setRemote(server.url("config").toString()).call())
                .isInstanceOf(TransportException.class);
    }

    @Test
    void clonesFetchesOnlyWhatIsNewAndPushes() throws Exception {
        try (Git clone = cloneConfig()) {
            assertThat(server.packsServed()).isEqualTo(1);
            clone.fetch().setCredentialsProvider(server.credentials()).call();
            assertThat(server.packsServed()).as("nothing new: no pack").isEqualTo(1);

            RevCommit local = commitLocally(clone, "apps/web/values.yaml", "image:\n  tag: v2\n");
            RemoteRefUpdate update = push(clone);

            assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(BareRepos.head(config, "main")).isEqualTo(local);
            assertThat(BareRepos.readFile(config, "main", "apps/web/values.yaml")).isEqualTo("image:\n  tag: v2\n");
            assertThat(BareRepos.log(config, "main")).extracting(RevCommit::getShortMessage)
                    .containsExactly("Promote", "Seed");
            assertThat(BareRepos.isLinear(config, "main")).isTrue();
            assertThat(server.receivePackCount()).isEqualTo(1);
        }
    }

    @Test
    void competingCommitLandedDuringThePushRejectsIt() throws Exception {
        try (Git clone = cloneConfig()) {
            commitLocally(clone, "apps/web/values.yaml", "image:\n  tag: v2\n");
            server.interceptReceive(ReceiveHooks.landCommit("main", "apps/api/values.yaml", "image:\n  tag: x\n"));

            RemoteRefUpdate update = push(clone);

            assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            // JGit's receive-pack finds the branch no longer at the pushed old id when it moves it.
            assertThat(update.getMessage()).isEqualTo("failed to lock");
            assertThat(BareRepos.log(config, "main")).hasSize(2).first()
                    .extracting(RevCommit::getShortMessage).isEqualTo("Competing change to apps/api/values.yaml");
            assertThat(BareRepos.readFile(config, "main", "apps/web/values.yaml")).isEqualTo("image:\n  tag: v1\n");
        }
    }

    @Test
    void rejectionMessageReachesTheClientAndAppliesToTheNextPushOnly() throws Exception {
        try (Git clone = cloneConfig()) {
            RevCommit local = commitLocally(clone, "apps/web/values.yaml", "image:\n  tag: v2\n");
            server.interceptReceive(ReceiveHooks.reject("incorrect old value provided"));

            RemoteRefUpdate rejected = push(clone);
            RemoteRefUpdate accepted = push(clone);

            assertThat(rejected.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(rejected.getMessage()).isEqualTo("incorrect old value provided");
            assertThat(accepted.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(BareRepos.head(config, "main")).isEqualTo(local);
            assertThat(server.receivePackCount()).isEqualTo(2);
        }
    }

    @Test
    void gitLabStyleLockFailureNamesBothIds() throws Exception {
        try (Git clone = cloneConfig()) {
            commitLocally(clone, "apps/web/values.yaml", "image:\n  tag: v2\n");
            server.interceptEveryReceive(ReceiveHooks.chain(
                    ReceiveHooks.landCommit("main", "other.txt", "raced\n"), ReceiveHooks.cannotLockRef()));

            RemoteRefUpdate update = push(clone);

            RevCommit competing = BareRepos.log(config, "main").get(0);
            assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(update.getMessage()).isEqualTo("cannot lock ref 'refs/heads/main': is at "
                    + competing.name() + " but expected " + seeded.name());
        }
    }

    private Git cloneConfig() throws Exception {
        return Git.cloneRepository()
                .setURI(server.url("config").toString())
                .setCredentialsProvider(server.credentials())
                .setDirectory(tmp.resolve("clone").toFile())
                .call();
    }

    private static RevCommit commitLocally(Git clone, String path, String content) throws Exception {
        Files.writeString(clone.getRepository().getWorkTree().toPath().resolve(path), content);
        clone.add().addFilepattern(path).call();
        return clone.commit().setMessage("Promote").setAuthor("Promoter", "promoter@example.invalid")
                .setCommitter("Promoter", "promoter@example.invalid").setSign(false).call();
    }

    private RemoteRefUpdate push(Git clone) throws Exception {
        Iterable<PushResult> results = clone.push().setCredentialsProvider(server.credentials()).setRemote("origin")
                .add("main").call();
        return results.iterator().next().getRemoteUpdate("refs/heads/main");
    }
}

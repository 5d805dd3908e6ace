package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.CommitSigner;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.GitVerifyCommit;
import io.jenkins.plugins.gitopspromotion.testing.GnupgHome;
import io.jenkins.plugins.gitopspromotion.testing.OpenPgpTestKeys;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SshTestKeys;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed promotions end to end: the engine promotes over HTTP to a real Git server with a signer in the request,
 * and the real {@code git verify-commit} accepts the commit that landed on the server.
 */
class SignedPromotionTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-Token-4242";
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final PersonIdent BOT = new PersonIdent("Promotion Bot", "promotion-bot@example.invalid");

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Repository remote;
    private Path remoteDir;
    private RepositoryLocation location;
    private PromotionEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(temp.resolve("server"), USER, PASSWORD);
        remote = server.createRepository("config");
        remoteDir = remote.getDirectory().toPath();
        ConfigRepositoryFixture.seed(remote);
        location = RepositoryLocation.parse(server.url("config").toString());
        engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private PromotionRequest.Builder request(String env, CommitSigner signer) {
        return PromotionRequest.builder(location, env).app("web").auth(GitAuth.password(USER, PASSWORD.toCharArray()))
                .author(BOT).signer(signer);
    }

    private static VersionSource given(String tag, String digest) {
        return new VersionSource.Given(Optional.of(tag), Optional.ofNullable(digest).map(Digest::parse));
    }

    @Test
    void openPgpSignedPromotionsToTheBaseBranchAndToAPromotionBranchVerify() throws Exception {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(GnupgHome.gpgInstalled(), "gpg (Debian package gnupg)");
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.of(PASSPHRASE.toCharArray()));
        CommitSigner signer = CommitSigner.openPgp(key.secretKey(), Optional.of(PASSPHRASE.toCharArray()));
        try (GnupgHome gnupg = GnupgHome.create(temp.resolve("gnupg"))) {
            gnupg.importKey(key.publicKey());

            PromotionResult dev = engine.promote(request("dev", signer).version(given("1.1.0", ConfigRepositoryFixture.DIGEST_A)).build());
            PromotionResult staging = engine.promote(request("staging", signer)
                    .version(new VersionSource.FromEnvironment("dev")).build());

            assertThat(dev.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(BareRepos.head(remote, "main").name()).isEqualTo(dev.commit());
            Programs.Result onMain = GitVerifyCommit.openPgp(remoteDir, dev.commit(), gnupg);
            assertThat(onMain.exitCode()).as(onMain.output()).isZero();
            assertThat(onMain.output()).contains("Good signature from \"" + OpenPgpTestKeys.USER_ID + "\"");
            assertThat(staging.branch()).isEqualTo("gitops-promotion/staging/web");
            assertThat(BareRepos.head(remote, staging.branch()).name()).isEqualTo(staging.commit());
            Programs.Result onBranch = GitVerifyCommit.openPgp(remoteDir, staging.commit(), gnupg);
            assertThat(onBranch.exitCode()).as(onBranch.output()).isZero();
            assertThat(onBranch.output()).contains("Good signature");
        }
    }

    @Test
    void sshSignedPromotionVerifiesAndTheRequestNeverShowsTheKey() throws Exception {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(SshTestKeys.sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), "ed25519", PASSPHRASE);
        Path allowed = SshTestKeys.allowedSigners(temp.resolve("allowed_signers"), key);
        CommitSigner signer = CommitSigner.ssh(key.privateKey(), Optional.of(PASSPHRASE.toCharArray()));
        PromotionRequest request = request("dev", signer).version(given("1.1.0", null)).build();

        PromotionResult result = engine.promote(request);

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        Programs.Result verified = GitVerifyCommit.ssh(remoteDir, result.commit(), allowed);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good \"git\" signature for " + SshTestKeys.EMAIL);
        List<String> keyLines = key.privateKey().lines().filter(l -> !l.startsWith("-----")).toList();
        assertThat(request.toString()).contains(signer.toString()).doesNotContain(keyLines).doesNotContain(PASSPHRASE);
        assertThat(result.toString()).doesNotContain(keyLines);
    }

    @Test
    void withoutASignerThePromotionCommitIsUnsigned() throws Exception {
        PromotionResult result = engine.promote(PromotionRequest.builder(location, "dev").app("web")
                .auth(GitAuth.password(USER, PASSWORD.toCharArray())).version(given("1.1.0", null)).build());

        RevCommit commit = BareRepos.log(remote, "main").get(0);
        assertThat(commit.getName()).isEqualTo(result.commit());
        assertThat(commit.getRawGpgSignature()).isNull();
        assertThat(commit.getFullMessage()).startsWith("Promote web 1.0.0 → 1.1.0 to dev\n");
    }
}

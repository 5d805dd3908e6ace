package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.GitVerifyCommit;
import io.jenkins.plugins.gitopspromotion.testing.GnupgHome;
import io.jenkins.plugins.gitopspromotion.testing.OpenPgpTestKeys;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SshTestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sign-key}, {@code --sign-format} and {@code --sign-passphrase-env} on {@code promote} and
 * {@code rollback}, in-process; the keys and passphrases from environment variables are exercised through the
 * packaged jar in {@link SignedPromotionIT}.
 */
class SigningOptionsTest {

    private static final String AUTHOR = "--author=Promotion Bot <" + SshTestKeys.EMAIL + ">";
    /** An environment variable no test machine sets. */
    private static final String UNSET = "GITOPS_PROMOTION_TEST_UNSET_9f3c";

    @TempDir
    Path temp;

    private LocalConfigRepository local;
    private Repository remote;
    private Path bare;

    @BeforeEach
    void repository() throws Exception {
        local = LocalConfigRepository.create(temp);
        remote = local.repository();
        bare = local.path();
    }

    @AfterEach
    void close() {
        local.close();
    }

    private CliRun run(String command, String... args) {
        return local.run(command, args);
    }

    @Test
    void promoteAndRollbackSignWithAnOpenPgpKeyFileAndGitVerifiesBoth() throws Exception {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(GnupgHome.gpgInstalled(), "gpg (Debian package gnupg)");
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.empty());
        Path keyFile = Files.writeString(temp.resolve("signing.asc"), key.secretKey());
        try (GnupgHome gnupg = GnupgHome.create(temp.resolve("gnupg"))) {
            gnupg.importKey(key.publicKey());

            CliRun promoted = run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0", AUTHOR, "--sign-key", keyFile.toString());
            CliRun rolledBack = run("rollback", "--env", "dev", "--app", "web", AUTHOR, "--sign-key", keyFile.toString(),
                    "--sign-format", "openpgp");

            assertThat(promoted.exitCode()).as(promoted.err()).isZero();
            assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
            for (var commit : BareRepos.log(remote, "main").subList(0, 2)) {
                Programs.Result verified = GitVerifyCommit.openPgp(bare, commit.name(), gnupg);
                assertThat(verified.exitCode()).as(verified.output()).isZero();
                assertThat(verified.output()).contains("Good signature from \"" + OpenPgpTestKeys.USER_ID + "\"");
            }
        }
    }

    @Test
    void promoteSignsWithAnSshKeyFileAndGitVerifiesIt() throws Exception {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(SshTestKeys.sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), "ed25519", "");
        Path allowed = SshTestKeys.allowedSigners(temp.resolve("allowed_signers"), key);

        CliRun promoted = run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0", AUTHOR,
                "--sign-key", temp.resolve("keys/id_ed25519").toString(), "--sign-format", "ssh", "--json");

        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        String commit = BareRepos.head(remote, "main").name();
        assertThat(promoted.out()).contains("\"commit\":\"" + commit + "\"");
        Programs.Result verified = GitVerifyCommit.ssh(bare, commit, allowed);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good \"git\" signature for " + SshTestKeys.EMAIL);
    }

    @Test
    void signingMistakesAreUsageErrorsThatPushNothingAndQuoteNoKey() throws Exception {
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.of("correct horse".toCharArray()));
        Path keyFile = Files.writeString(temp.resolve("signing.asc"), key.secretKey());
        Path publicFile = Files.writeString(temp.resolve("public.asc"), key.publicKey());
        Path notAKey = Files.writeString(temp.resolve("notes.txt"), "hello\n");
        String tag = "--tag=1.1.0";

        CliRun noPassphrase = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", keyFile.toString());
        CliRun unsetPassphrase = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", keyFile.toString(),
                "--sign-passphrase-env", UNSET);
        CliRun publicKey = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", publicFile.toString());
        CliRun unknownFormat = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", notAKey.toString());
        CliRun badFormat = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", keyFile.toString(), "--sign-format", "x509");
        CliRun both = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", keyFile.toString(), "--sign-key-env", UNSET);
        CliRun unsetKey = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key-env", UNSET);
        CliRun formatAlone = run("promote", "--env", "dev", "--app", "web", tag, "--sign-format", "ssh");
        CliRun missingFile = run("promote", "--env", "dev", "--app", "web", tag, "--sign-key", temp.resolve("nope").toString());

        assertThat(noPassphrase.err()).contains("--sign-key " + keyFile + ": the OpenPGP signing key ")
                .contains(" is protected by a passphrase, and none was given (--sign-passphrase-env VAR)");
        assertThat(unsetPassphrase.err()).contains("--sign-passphrase-env: the environment variable " + UNSET + " is not set");
        assertThat(publicKey.err()).contains("the OpenPGP key given is a public key");
        assertThat(unknownFormat.err()).contains("not an armored OpenPGP secret key nor an SSH private key; say which with --sign-format");
        assertThat(badFormat.err()).contains("--sign-format x509: use openpgp or ssh");
        assertThat(both.err()).contains("give --sign-key or --sign-key-env, not both");
        assertThat(unsetKey.err()).contains("--sign-key-env: the environment variable " + UNSET + " is not set");
        assertThat(formatAlone.err()).contains("--sign-format goes with --sign-key or --sign-key-env, and neither is given");
        assertThat(missingFile.err()).contains("--sign-key " + temp.resolve("nope") + " cannot be read");
        List<String> keyLines = key.secretKey().lines().filter(line -> line.length() > 20 && !line.startsWith("-----")).toList();
        for (CliRun refused : List.of(noPassphrase, unsetPassphrase, publicKey, unknownFormat, badFormat, both, unsetKey, formatAlone,
                missingFile)) {
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(GitOpsPromotionCli.USAGE);
            assertThat(refused.err()).doesNotContain(keyLines).doesNotContain("correct horse");
        }
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.testing.GitVerifyCommit;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SshTestKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CommitSigner#ssh}: commits signed with keys {@code ssh-keygen} made are accepted by the real
 * {@code git verify-commit} with {@code gpg.format=ssh} and an allowed signers file (git runs {@code ssh-keygen -Y
 * verify}); changed commits and keys not allowed are not; bad keys and passphrases are clear errors quoting neither.
 */
class SshCommitSignerTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final PersonIdent COMMITTER = new PersonIdent("Promotion Bot", SshTestKeys.EMAIL);

    @TempDir
    Path temp;

    private SignedCommitFixture repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = SignedCommitFixture.create(temp.resolve("config.git"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    private static void requireGitAndSshKeygen() {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(SshTestKeys.sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
    }

    /** The lines of a key file that carry key material, for checking that none leaks into a message. */
    private static List<String> keyMaterial(String keyText) {
        return keyText.lines().filter(line -> !line.isBlank() && !line.startsWith("-----")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void gitVerifiesACommitSignedWithAKeyAndItsPassphrase(String type) throws Exception {
        requireGitAndSshKeygen();
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), type, PASSPHRASE);
        Path allowed = SshTestKeys.allowedSigners(temp.resolve("allowed_signers"), key);
        CommitSigner signer = CommitSigner.ssh(key.privateKey(), Optional.of(PASSPHRASE.toCharArray()));

        ObjectId commit = repo.commit(COMMITTER, Optional.of(signer));

        Programs.Result verified = GitVerifyCommit.ssh(repo.gitDir(), commit.name(), allowed);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good \"git\" signature for " + SshTestKeys.EMAIL + " with ");
        assertThat(GitVerifyCommit.catFile(repo.gitDir(), commit.name()))
                .contains("\ngpgsig -----BEGIN SSH SIGNATURE-----\n")
                .contains("\n -----END SSH SIGNATURE-----\n\n" + SignedCommitFixture.MESSAGE);
        assertThat(signer.toString()).startsWith("SSH key SHA256:").doesNotContain(keyMaterial(key.privateKey()));
        assertThat(verified.output()).contains(signer.toString().substring("SSH key ".length()));
    }

    @Test
    void aChangedCommitAnUnsignedCommitAndAKeyNotAllowedDoNotVerify() throws Exception {
        requireGitAndSshKeygen();
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), "ed25519", "");
        SshTestKeys.KeyPair stranger = SshTestKeys.generate(temp.resolve("stranger"), "ed25519", "");
        Path allowed = SshTestKeys.allowedSigners(temp.resolve("allowed_signers"), key);
        ObjectId signed = repo.commit(COMMITTER, Optional.of(CommitSigner.ssh(key.privateKey(), Optional.empty())));

        ObjectId tampered = repo.tampered(signed);
        ObjectId unsigned = repo.commit(COMMITTER, Optional.empty());
        ObjectId byStranger = repo.commit(COMMITTER, Optional.of(CommitSigner.ssh(stranger.privateKey(), Optional.empty())));

        assertThat(GitVerifyCommit.ssh(repo.gitDir(), signed.name(), allowed).exitCode()).isZero();
        Programs.Result bad = GitVerifyCommit.ssh(repo.gitDir(), tampered.name(), allowed);
        assertThat(bad.exitCode()).as(bad.output()).isNotZero();
        assertThat(bad.output()).doesNotContain("Good");
        assertThat(GitVerifyCommit.ssh(repo.gitDir(), unsigned.name(), allowed).exitCode()).isNotZero();
        Programs.Result notAllowed = GitVerifyCommit.ssh(repo.gitDir(), byStranger.name(), allowed);
        assertThat(notAllowed.exitCode()).as(notAllowed.output()).isNotZero();
        // ssh-keygen checks the signature itself, then finds no principal the allowed signers file lets use the key.
        assertThat(notAllowed.output()).contains("No principal matched").doesNotContain("signature for");
    }

    @Test
    void aWrongOrMissingPassphraseIsAClearErrorThatQuotesNeitherKeyNorPassphrase() throws Exception {
        RealParts.require(SshTestKeys.sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), "ed25519", PASSPHRASE);

        assertThatThrownBy(() -> CommitSigner.ssh(key.privateKey(), Optional.of("Tr0ub4dor&3".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the SSH signing key cannot be unlocked: is the passphrase right?")
                .hasNoCause();
        assertThatThrownBy(() -> CommitSigner.ssh(key.privateKey(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the SSH signing key is protected by a passphrase, and none was given");
    }

    @Test
    void whatIsNotOnePrivateKeyIsRefusedWithoutQuotingIt() throws Exception {
        RealParts.require(SshTestKeys.sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), "ed25519", "");
        String garbled = key.privateKey().replace("A", "B");

        assertThatThrownBy(() -> CommitSigner.ssh(garbled, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).startsWith("the SSH signing key").doesNotContain(keyMaterial(garbled)));
        assertThatThrownBy(() -> CommitSigner.ssh(key.publicKey(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("the SSH signing key")
                        .doesNotContain(key.publicKey().split(" ")[1]));
        assertThatThrownBy(() -> CommitSigner.ssh("s3cret-looking text", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.testing.GitVerifyCommit;
import io.jenkins.plugins.gitopspromotion.testing.GnupgHome;
import io.jenkins.plugins.gitopspromotion.testing.OpenPgpTestKeys;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CommitSigner#openPgp}: commits signed with a key generated here are accepted by the real
 * {@code git verify-commit} calling the real {@code gpg}, which knows only the public key; changed or unsigned
 * commits are not; bad keys and passphrases are clear errors that quote neither.
 */
class OpenPgpCommitSignerTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final PersonIdent COMMITTER = new PersonIdent("Promotion Bot", "promotion-bot@example.invalid");

    @TempDir
    Path temp;

    private SignedCommitFixture repo;
    private GnupgHome gnupg;

    @BeforeEach
    void setUp() throws Exception {
        repo = SignedCommitFixture.create(temp.resolve("config.git"));
        gnupg = GnupgHome.create(temp.resolve("gnupg"));
    }

    @AfterEach
    void tearDown() throws Exception {
        repo.close();
        gnupg.close();
    }

    private static void requireGitAndGpg() {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(GnupgHome.gpgInstalled(), "gpg (Debian package gnupg)");
    }

    /** The lines of a key's text that carry key material, for checking that none leaks into a message. */
    private static List<String> keyMaterial(String armored) {
        return armored.lines().filter(line -> line.length() > 20 && !line.startsWith("-----")).toList();
    }

    @Test
    void gitVerifiesACommitSignedWithAnEd25519KeyAndItsPassphrase() throws Exception {
        requireGitAndGpg();
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.of(PASSPHRASE.toCharArray()));
        gnupg.importKey(key.publicKey());
        CommitSigner signer = CommitSigner.openPgp(key.secretKey(), Optional.of(PASSPHRASE.toCharArray()));

        ObjectId commit = repo.commit(COMMITTER, Optional.of(signer));

        Programs.Result verified = GitVerifyCommit.openPgp(repo.gitDir(), commit.name(), gnupg);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good signature from \"" + OpenPgpTestKeys.USER_ID + "\"");
        String raw = GitVerifyCommit.catFile(repo.gitDir(), commit.name());
        assertThat(raw).contains("\ncommitter Promotion Bot <promotion-bot@example.invalid> ")
                .contains("\ngpgsig -----BEGIN PGP SIGNATURE-----\n")
                .contains("\n -----END PGP SIGNATURE-----\n\n" + SignedCommitFixture.MESSAGE);
        assertThat(signer.toString()).startsWith("OpenPGP key ").doesNotContain(keyMaterial(key.secretKey()));
    }

    @Test
    void gitVerifiesACommitSignedWithAnUnprotectedRsaKey() throws Exception {
        requireGitAndGpg();
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.rsa(Optional.empty());
        gnupg.importKey(key.publicKey());

        ObjectId commit = repo.commit(COMMITTER, Optional.of(CommitSigner.openPgp(key.secretKey(), Optional.empty())));

        Programs.Result verified = GitVerifyCommit.openPgp(repo.gitDir(), commit.name(), gnupg);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good signature").contains("using RSA key " + key.fingerprint());
    }

    @Test
    void aChangedCommitAndAnUnsignedCommitDoNotVerify() throws Exception {
        requireGitAndGpg();
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.empty());
        gnupg.importKey(key.publicKey());
        ObjectId signed = repo.commit(COMMITTER, Optional.of(CommitSigner.openPgp(key.secretKey(), Optional.empty())));

        ObjectId tampered = repo.tampered(signed);
        ObjectId unsigned = repo.commit(COMMITTER, Optional.empty());

        Programs.Result bad = GitVerifyCommit.openPgp(repo.gitDir(), tampered.name(), gnupg);
        assertThat(bad.exitCode()).as(bad.output()).isNotZero();
        assertThat(bad.output()).contains("BAD signature");
        assertThat(GitVerifyCommit.openPgp(repo.gitDir(), unsigned.name(), gnupg).exitCode()).isNotZero();
        assertThat(repo.raw(unsigned)).doesNotContain("gpgsig");
    }

    @Test
    void aSignatureByAKeyGitDoesNotKnowDoesNotVerify() throws Exception {
        requireGitAndGpg();
        OpenPgpTestKeys.KeyPair known = OpenPgpTestKeys.ed25519(Optional.empty());
        OpenPgpTestKeys.KeyPair stranger = OpenPgpTestKeys.ed25519(Optional.empty());
        gnupg.importKey(known.publicKey());

        ObjectId commit = repo.commit(COMMITTER, Optional.of(CommitSigner.openPgp(stranger.secretKey(), Optional.empty())));

        Programs.Result verified = GitVerifyCommit.openPgp(repo.gitDir(), commit.name(), gnupg);
        assertThat(verified.exitCode()).as(verified.output()).isNotZero();
        assertThat(verified.output()).doesNotContain("Good signature");
    }

    /**
     * A key as users have them: made by the real gpg (Ed25519 primary key, Curve25519 encryption subkey, a
     * signing subkey added later), protected by a passphrase, exported with {@code --export-secret-keys --armor}.
     * The newest signing subkey signs, as gpg would choose it.
     */
    @Test
    void signsWithTheNewestSigningSubkeyOfAKeyExportedByGpg() throws Exception {
        requireGitAndGpg();
        Path passphraseFile = Files.writeString(temp.resolve("passphrase"), PASSPHRASE);
        List<String> unattended = List.of("--pinentry-mode", "loopback", "--passphrase-file", passphraseFile.toString());
        gnupg.gpg(args(unattended, "--quick-gen-key", OpenPgpTestKeys.USER_ID, "ed25519", "default", "never"));
        String primary = fingerprints(gnupg).get(0);
        gnupg.gpg(args(unattended, "--quick-add-key", primary, "cv25519", "encr", "never"));
        gnupg.gpg(args(unattended, "--quick-add-key", primary, "ed25519", "sign", "never"));
        List<String> fingerprints = fingerprints(gnupg);
        String signingSubkey = fingerprints.get(fingerprints.size() - 1);
        String exported = gnupg.gpg(args(unattended, "--armor", "--export-secret-keys", primary));

        CommitSigner signer = CommitSigner.openPgp(exported, Optional.of(PASSPHRASE.toCharArray()));
        ObjectId commit = repo.commit(COMMITTER, Optional.of(signer));

        assertThat(signer).hasToString("OpenPGP key " + signingSubkey);
        Programs.Result verified = GitVerifyCommit.openPgp(repo.gitDir(), commit.name(), gnupg);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("using EDDSA key " + signingSubkey).contains("Good signature");
        assertThatThrownBy(() -> CommitSigner.openPgp(exported, Optional.of("not the passphrase".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the passphrase of the OpenPGP signing key " + signingSubkey + " is wrong");
    }

    @Test
    void aWrongOrMissingPassphraseIsAClearErrorThatQuotesNeitherKeyNorPassphrase() throws Exception {
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.of(PASSPHRASE.toCharArray()));

        assertThatThrownBy(() -> CommitSigner.openPgp(key.secretKey(), Optional.of("Tr0ub4dor&3".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the passphrase of the OpenPGP signing key ")
                .hasMessageEndingWith(" is wrong")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Tr0ub4dor&3").doesNotContain(PASSPHRASE)
                        .doesNotContain(keyMaterial(key.secretKey())));
        assertThatThrownBy(() -> CommitSigner.openPgp(key.secretKey(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" is protected by a passphrase, and none was given");
    }

    @Test
    void whatIsNotOneUsableSecretKeyIsRefusedWithoutQuotingIt() throws Exception {
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.empty());
        OpenPgpTestKeys.KeyPair other = OpenPgpTestKeys.ed25519(Optional.empty());

        assertThatThrownBy(() -> CommitSigner.openPgp(key.publicKey(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the OpenPGP key given is a public key; signing needs the secret key (gpg --export-secret-keys --armor KEY-ID)");
        assertThatThrownBy(() -> CommitSigner.openPgp(key.secretKey() + other.secretKey(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the OpenPGP key text holds 2 secret keys; give exactly one (gpg --export-secret-keys --armor KEY-ID)");
        String garbled = key.secretKey().replace("A", "B");
        assertThatThrownBy(() -> CommitSigner.openPgp(garbled, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).startsWith("the OpenPGP").doesNotContain(keyMaterial(garbled)));
        assertThatThrownBy(() -> CommitSigner.openPgp("s3cret-looking text", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    private static String[] args(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** The fingerprints of the keys and subkeys in the home, primary first, in order. */
    private static List<String> fingerprints(GnupgHome gnupg) throws Exception {
        return gnupg.gpg("--with-colons", "--list-secret-keys").lines().filter(line -> line.startsWith("fpr:"))
                .map(line -> line.split(":")[9]).toList();
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Signs promotion commits with a private key held in memory: an OpenPGP key, or an SSH key in git's
 * {@code gpg.format=ssh} form. The key is read and unlocked once, when the signer is made, so a wrong passphrase
 * or an unusable key is reported before any repository is touched. The key text, the passphrase and the key
 * material are never written to a file, passed to another program, or put in a message or {@link #toString()}.
 *
 * <p>JGit's own signers find their keys in a GnuPG home directory or a key file on disk; these take the key's
 * text, so that a key from an environment variable or a credentials store never has to be written anywhere.
 */
public interface CommitSigner {

    /**
     * Signs {@code commit}, which must be complete but for its signature: sets its {@code gpgsig} header to a
     * detached signature over the commit's bytes without that header, exactly as {@code git commit -S} does.
     *
     * @param commit the commit to sign, before it is inserted; a signature it already has is replaced
     * @param committer the commit's committer, whose time the signature is dated with
     * @throws IllegalStateException if the key cannot make the signature (the message never contains the key)
     */
    void sign(CommitBuilder commit, PersonIdent committer);

    /** What signs, for messages: the kind of key and its public fingerprint, never key material. */
    @Override
    String toString();

    /**
     * A signer with an OpenPGP secret key, as {@code gpg --export-secret-keys --armor} writes it (a binary key
     * is accepted too). Of the key's valid signing keys (primary or subkey, not expired, not revoked), the newest
     * signs, as {@code gpg} picks it.
     *
     * @param armoredSecretKey the secret key's text
     * @param passphrase the key's passphrase, if it is protected by one; the array is copied, the caller wipes it
     * @throws IllegalArgumentException if the text holds no usable secret key, or the passphrase is missing or
     *     wrong (the message never contains the key or the passphrase)
     */
    static CommitSigner openPgp(String armoredSecretKey, Optional<char[]> passphrase) {
        return OpenPgpCommitSigner.read(armoredSecretKey, passphrase);
    }

    /**
     * A signer with an SSH private key (OpenSSH or PEM format; Ed25519, ECDSA or RSA), making the
     * {@code -----BEGIN SSH SIGNATURE-----} signatures git verifies with {@code gpg.format=ssh} and an allowed
     * signers file.
     *
     * @param privateKeyText the private key file's text
     * @param passphrase the key's passphrase, if it is protected by one; the array is copied, the caller wipes it
     * @throws IllegalArgumentException if the key cannot be read, or the passphrase is missing or wrong (the
     *     message never contains the key or the passphrase)
     */
    static CommitSigner ssh(String privateKeyText, Optional<char[]> passphrase) {
        return SshCommitSigner.read(privateKeyText, passphrase);
    }
}

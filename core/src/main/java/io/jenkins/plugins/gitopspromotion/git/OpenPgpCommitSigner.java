package io.jenkins.plugins.gitopspromotion.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKey.OpenPGPSecretKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Signs commits with an OpenPGP key read from its text (Bouncy Castle), making the detached, armored binary-document
 * signature {@code gpg --detach-sign --armor} makes over the commit's bytes, which {@code git verify-commit} checks
 * with {@code gpg --verify}.
 */
final class OpenPgpCommitSigner implements CommitSigner {

    /** SHA-512, as gpg signs with Ed25519 keys; accepted by every OpenPGP implementation git may call. */
    private static final int HASH = HashAlgorithmTags.SHA512;

    private final PGPPublicKey publicKey;
    private final PGPPrivateKey privateKey;
    private final String description;

    private OpenPgpCommitSigner(PGPPublicKey publicKey, PGPPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.description = "OpenPGP key " + HexFormat.of().withUpperCase().formatHex(publicKey.getFingerprint());
    }

    /** Reads the secret key, chooses its signing key and unlocks it; see {@link CommitSigner#openPgp}. */
    static OpenPgpCommitSigner read(String armoredSecretKey, Optional<char[]> passphrase) {
        Objects.requireNonNull(armoredSecretKey, "armoredSecretKey");
        Objects.requireNonNull(passphrase, "passphrase");
        if (armoredSecretKey.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            throw new IllegalArgumentException("the OpenPGP key given is a public key; signing needs the secret key"
                    + " (gpg --export-secret-keys --armor KEY-ID)");
        }
        List<OpenPGPKey> keys;
        try {
            keys = new BcOpenPGPApi().readKeyOrCertificate().parseKeys(armoredSecretKey);
        } catch (IOException | RuntimeException e) {
            // The parser's message may quote the input: only the exception's kind is repeated.
            throw new IllegalArgumentException("the OpenPGP secret key cannot be read (" + e.getClass().getSimpleName()
                    + "); is it what gpg --export-secret-keys --armor writes?");
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("the OpenPGP key text holds " + (keys.isEmpty() ? "no secret key" : keys.size()
                    + " secret keys") + "; give exactly one (gpg --export-secret-keys --armor KEY-ID)");
        }
        OpenPGPKey key = keys.get(0);
        OpenPGPComponentKey signing = signingKeys(key).stream()
                .max(Comparator.comparing(OpenPGPComponentKey::getCreationTime))
                .orElseThrow(() -> new IllegalArgumentException("the OpenPGP key " + fingerprint(key.getFingerprint())
                        + " has no valid signing key: its signing keys are expired or revoked, or it has none"));
        OpenPGPSecretKey secret = key.getSecretKey(signing);
        String which = "OpenPGP signing key " + fingerprint(signing.getPGPPublicKey().getFingerprint());
        if (secret == null || secret.getPGPSecretKey().isPrivateKeyEmpty()) {
            throw new IllegalArgumentException("the secret part of the " + which + " is not in the key text (an offline"
                    + " key or a smartcard stub); export a key whose signing key's secret is present");
        }
        return new OpenPgpCommitSigner(signing.getPGPPublicKey(), unlock(secret, passphrase, which));
    }

    /** The key's keys that may sign now: capable, flagged for signing, bound, not expired, not revoked. */
    private static List<OpenPGPComponentKey> signingKeys(OpenPGPKey key) {
        try {
            return key.getSigningKeys(new Date());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the OpenPGP key " + fingerprint(key.getFingerprint()) + " is malformed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static PGPPrivateKey unlock(OpenPGPSecretKey secret, Optional<char[]> passphrase, String which) {
        char[] pass = passphrase.map(char[]::clone).orElse(null);
        try {
            if (secret.isLocked() && pass == null) {
                throw new IllegalArgumentException("the " + which + " is protected by a passphrase, and none was given");
            }
            Optional<PGPPrivateKey> unlocked = tryUnlock(secret, pass);
            if (unlocked.isPresent()) {
                return unlocked.get();
            }
            // Asked only after a failure: checking costs another key derivation, which is slow by design.
            if (secret.isLocked() && !secret.isPassphraseCorrect(pass)) {
                throw new IllegalArgumentException("the passphrase of the " + which + " is wrong");
            }
            throw new IllegalArgumentException("the " + which + " cannot be unlocked: its algorithm or protection is"
                    + " not supported");
        } finally {
            if (pass != null) {
                Arrays.fill(pass, '\0');
            }
        }
    }

    /** The private key, or empty if it cannot be unlocked; the caller tells why. */
    private static Optional<PGPPrivateKey> tryUnlock(OpenPGPSecretKey secret, char[] pass) {
        try {
            return Optional.of((secret.isLocked() ? secret.unlock(pass) : secret.unlock()).getKeyPair().getPrivateKey());
        } catch (PGPException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void sign(CommitBuilder commit, PersonIdent committer) {
        commit.setGpgSignature(null);
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HASH), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            // Dated like the commit, so that the signature and the committer line tell the same time.
            hashed.setSignatureCreationTime(false, Date.from(committer.getWhenAsInstant()));
            hashed.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, publicKey.getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());
            generator.update(commit.build());
            commit.setGpgSignature(new GpgSignature(armor(generator.generate())));
        } catch (PGPException | IOException | RuntimeException e) {
            throw new IllegalStateException("could not sign the commit with the " + description + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The ASCII-armored signature git stores in the {@code gpgsig} header: no headers, {@code \n} line ends. */
    private static byte[] armor(PGPSignature signature) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(buffer)) {
            signature.encode(armored);
        }
        // The armor follows the platform's line separator; a commit header is split on LF alone.
        return buffer.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String fingerprint(byte[] fingerprint) {
        return HexFormat.of().withUpperCase().formatHex(fingerprint);
    }

    @Override
    public String toString() {
        return description;
    }
}

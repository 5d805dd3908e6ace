package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/**
 * OpenPGP keys made in the test with Bouncy Castle, in the version-4 formats every GnuPG in use reads (GnuPG 2.2
 * does not read RFC 9580's version-6 keys or its new Ed25519 algorithm).
 */
public final class OpenPgpTestKeys {

    /** The user id test keys carry, and the committer the commits they sign are by. */
    public static final String USER_ID = "Promotion Bot <promotion-bot@example.invalid>";

    private OpenPgpTestKeys() {
    }

    /**
     * A key pair as text.
     *
     * @param secretKey the secret key, as {@code gpg --export-secret-keys --armor} writes it
     * @param publicKey the public key, as {@code gpg --export --armor} writes it
     * @param fingerprint the primary key's fingerprint, upper-case hex
     */
    public record KeyPair(String secretKey, String publicKey, String fingerprint) {
    }

    /**
     * An Ed25519 key as {@code gpg --quick-gen-key} makes it: a certifying primary key with a signing subkey.
     *
     * @param passphrase protects the secret key, if given
     */
    public static KeyPair ed25519(Optional<char[]> passphrase) throws PGPException, IOException {
        OpenPGPApi api = new BcOpenPGPApi();
        OpenPGPKey key = api.generateKey(PublicKeyPacket.VERSION_4)
                .withPrimaryKey(generator -> generator.generateLegacyEd25519KeyPair())
                .addUserId(USER_ID)
                .addSigningSubkey(generator -> generator.generateLegacyEd25519KeyPair())
                .build(passphrase.orElse(null));
        return text(key);
    }

    /**
     * A single RSA key that certifies and signs.
     *
     * @param passphrase protects the secret key, if given
     */
    public static KeyPair rsa(Optional<char[]> passphrase) throws PGPException, IOException {
        OpenPGPApi api = new BcOpenPGPApi();
        OpenPGPKey key = api.generateKey(PublicKeyPacket.VERSION_4)
                .singletonRSAKey(3072, USER_ID)
                .build(passphrase.orElse(null));
        return text(key);
    }

    private static KeyPair text(OpenPGPKey key) throws IOException {
        return new KeyPair(key.toAsciiArmoredString(), key.toCertificate().toAsciiArmoredString(),
                HexFormat.of().withUpperCase().formatHex(key.getFingerprint()));
    }
}

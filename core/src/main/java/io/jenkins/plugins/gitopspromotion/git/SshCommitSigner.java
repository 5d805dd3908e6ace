package io.jenkins.plugins.gitopspromotion.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Signs commits with an SSH private key read from its text (Apache MINA SSHD), making the {@code SSHSIG} signature
 * in the {@code git} namespace that {@code ssh-keygen -Y sign -n git} makes and {@code git verify-commit} checks
 * with {@code gpg.format=ssh} (OpenSSH's {@code PROTOCOL.sshsig}).
 */
final class SshCommitSigner implements CommitSigner {

    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    /** The namespace git signs and verifies commits in; a signature for another namespace does not verify. */
    private static final String NAMESPACE = "git";
    private static final String HASH = "sha512";
    /** ssh-keygen's line length inside the armor. */
    private static final int LINE = 70;

    private final KeyPair key;
    private final String algorithm;
    private final String description;

    private SshCommitSigner(KeyPair key, String algorithm) {
        this.key = key;
        this.algorithm = algorithm;
        this.description = "SSH key " + KeyUtils.getFingerPrint(key.getPublic());
    }

    /** Reads the private key; see {@link CommitSigner#ssh}. */
    static SshCommitSigner read(String privateKeyText, Optional<char[]> passphrase) {
        Objects.requireNonNull(privateKeyText, "privateKeyText");
        Objects.requireNonNull(passphrase, "passphrase");
        KeyPair key = load(privateKeyText, passphrase);
        String type = KeyUtils.getKeyType(key.getPublic());
        String algorithm = switch (type == null ? "" : type) {
            // git and ssh-keygen sign with SHA-512 RSA signatures; plain ssh-rsa (SHA-1) would not verify.
            case KeyPairProvider.SSH_RSA -> KeyUtils.RSA_SHA512_KEY_TYPE_ALIAS;
            case KeyPairProvider.SSH_DSS -> throw new IllegalArgumentException(
                    "the SSH key is a DSA key, which git and OpenSSH no longer accept for signatures; use an Ed25519, ECDSA or RSA key");
            default -> type;
        };
        BuiltinSignatures factory = BuiltinSignatures.fromFactoryName(algorithm);
        if (key.getPrivate() == null || factory == null || !factory.isSupported()) {
            throw new IllegalArgumentException("the SSH key's type (" + (type == null ? "unknown" : type)
                    + ") cannot sign here; use an Ed25519, ECDSA or RSA private key");
        }
        return new SshCommitSigner(key, algorithm);
    }

    private static KeyPair load(String privateKeyText, Optional<char[]> passphrase) {
        char[] pass = passphrase.map(char[]::clone).orElse(null);
        boolean[] asked = {false};
        FilePasswordProvider password = (session, resource, retry) -> {
            asked[0] = true;
            return pass == null ? null : new String(pass);
        };
        List<KeyPair> keys = new ArrayList<>();
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("signing key"),
                    new ByteArrayInputStream(privateKeyText.getBytes(StandardCharsets.UTF_8)), password);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (asked[0]) {
                throw new IllegalArgumentException(pass == null
                        ? "the SSH signing key is protected by a passphrase, and none was given"
                        : "the SSH signing key cannot be unlocked: is the passphrase right?");
            }
            // The exception's own message may quote the key: only its kind is repeated.
            throw new IllegalArgumentException("the SSH signing key cannot be read (" + e.getClass().getSimpleName()
                    + "); is it an OpenSSH or PEM private key?");
        } finally {
            if (pass != null) {
                Arrays.fill(pass, '\0');
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("the SSH signing key text holds " + (keys.isEmpty() ? "no private key"
                    : keys.size() + " keys") + "; give exactly one OpenSSH or PEM private key");
        }
        return keys.get(0);
    }

    @Override
    public void sign(CommitBuilder commit, PersonIdent committer) {
        commit.setGpgSignature(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(commit.build());
            Buffer signed = new ByteArrayBuffer();
            signed.putRawBytes(MAGIC);
            signed.putString(NAMESPACE);
            signed.putString(""); // reserved
            signed.putString(HASH);
            signed.putBytes(digest);
            Signature signer = BuiltinSignatures.fromFactoryName(algorithm).create();
            signer.initSigner(null, key.getPrivate());
            signer.update(null, signed.getCompactData());
            Buffer signature = new ByteArrayBuffer();
            signature.putString(algorithm);
            signature.putBytes(signer.sign(null));

            Buffer blob = new ByteArrayBuffer();
            blob.putRawBytes(MAGIC);
            blob.putUInt(VERSION);
            blob.putPublicKey(key.getPublic());
            blob.putString(NAMESPACE);
            blob.putString(""); // reserved
            blob.putString(HASH);
            blob.putBytes(signature.getCompactData());
            commit.setGpgSignature(new GpgSignature(armor(blob.getCompactData())));
        } catch (Exception e) {
            // MINA's Signature declares Exception; none of them carries key material in its type name.
            throw new IllegalStateException("could not sign the commit with the " + description + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] armor(byte[] blob) {
        String base64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder text = new StringBuilder("-----BEGIN SSH SIGNATURE-----\n");
        for (int i = 0; i < base64.length(); i += LINE) {
            text.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
        }
        return text.append("-----END SSH SIGNATURE-----\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return description;
    }
}

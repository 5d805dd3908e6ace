package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.build.RegistryCredential;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.pr.ApiToken;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials for a config repository as a front end gathers them (the Jenkins plugin from its credentials store),
 * in a form that can travel to the machine doing the work: a password or token, or an SSH private key.
 *
 * <p>Held in memory only; {@link #toString()} names the kind, never the secret. The token of a password credential
 * is also the pull-request API token, as hosting providers accept the same access token for both.
 */
public final class AccessCredentials implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final AccessCredentials NONE = new AccessCredentials(null, null, null, null);

    private final String username;
    private final char[] secret;
    private final String privateKey;
    private final char[] passphrase;

    private AccessCredentials(String username, char[] secret, String privateKey, char[] passphrase) {
        this.username = username;
        this.secret = secret;
        this.privateKey = privateKey;
        this.passphrase = passphrase;
    }

    /** No credentials: public repositories and local paths. */
    public static AccessCredentials none() {
        return NONE;
    }

    /**
     * A user name with a password or access token, for HTTPS and the pull-request API.
     *
     * @param username the user name; {@code git} when the provider ignores it
     * @param secret the password or token (copied)
     */
    public static AccessCredentials password(String username, char[] secret) {
        if (username == null || username.isBlank() || secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a password credential needs a user name and a non-empty password or token");
        }
        return new AccessCredentials(username, secret.clone(), null, null);
    }

    /**
     * An SSH private key, for {@code ssh://} and scp-like URLs. The servers trusted are the doing machine's
     * ({@link io.jenkins.plugins.gitopspromotion.git.NetworkSettings#hostKeys()}).
     *
     * @param privateKey the key in OpenSSH or PEM form
     * @param passphrase its passphrase (copied), or {@code null}
     */
    public static AccessCredentials sshKey(String privateKey, char[] passphrase) {
        if (privateKey == null || privateKey.isBlank()) {
            throw new IllegalArgumentException("an SSH credential needs a private key");
        }
        return new AccessCredentials(null, null, privateKey, passphrase == null ? null : passphrase.clone());
    }

    /** Whether there are none. */
    public boolean isNone() {
        return secret == null && privateKey == null;
    }

    /** The credentials for Git. */
    public GitAuth gitAuth() {
        if (privateKey != null) {
            return GitAuth.sshKey(privateKey, Optional.ofNullable(passphrase).map(char[]::clone));
        }
        return secret != null ? GitAuth.password(username, secret.clone()) : GitAuth.none();
    }

    /** The pull-request API token: the password or token of a password credential. */
    public Optional<ApiToken> apiToken() {
        return Optional.ofNullable(secret).map(s -> ApiToken.of(s.clone()));
    }

    /** The user name and password of a password credential, as a registry login. */
    public Optional<RegistryCredential> registryCredential() {
        return secret == null ? Optional.empty() : Optional.of(new RegistryCredential(username, secret));
    }

    /**
     * A keyed hash of these credentials (HMAC-SHA256), which tells nothing about them to whoever lacks the key: how
     * a cache keeps apart what different credentials fetched.
     */
    public byte[] fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (Object part : new Object[] {username, secret, privateKey, passphrase}) {
                byte[] bytes = utf8(part);
                // Each part with its length (-1 when absent), so that no two sets of parts hash alike.
                mac.update(ByteBuffer.allocate(4).putInt(part == null ? -1 : bytes.length).array());
                mac.update(bytes);
                Arrays.fill(bytes, (byte) 0);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }

    private static byte[] utf8(Object part) {
        if (part == null) {
            return new byte[0];
        }
        if (!(part instanceof char[] chars)) {
            return part.toString().getBytes(StandardCharsets.UTF_8);
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    /**
     * Whether {@code other} holds the same credentials: how a long-lived user of them (the promotion view in Jenkins)
     * notices that they were changed, such as a rotated token.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AccessCredentials that && Objects.equals(username, that.username) && Arrays.equals(secret, that.secret)
                && Objects.equals(privateKey, that.privateKey) && Arrays.equals(passphrase, that.passphrase);
    }

    /** Of the parts that are not secret only. */
    @Override
    public int hashCode() {
        return Objects.hash(username, privateKey == null);
    }

    @Override
    public String toString() {
        return privateKey != null ? "SSH key" : secret != null ? "password of " + username : "no credentials";
    }
}

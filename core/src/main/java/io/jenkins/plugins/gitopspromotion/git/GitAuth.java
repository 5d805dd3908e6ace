package io.jenkins.plugins.gitopspromotion.git;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How to authenticate to a Git host: nothing, a user name with a password or token (HTTPS), or an SSH private key
 * (Apache MINA SSHD); and how to reach it ({@link NetworkSettings}: which SSH servers are trusted, the HTTP proxy).
 * Secrets stay in memory: they are handed to JGit's transport for one connection, for the repository's own scheme,
 * host and port only, and never written to a file, a Git config or a URL, nor shown by {@link #toString()}.
 */
public final class GitAuth {

    private static final GitAuth NONE = new GitAuth(null, null, null, NetworkSettings.defaults());

    private final CredentialsProvider credentials;
    /** The SSH keys; null for the user's own ({@code ~/.ssh}). */
    private final List<KeyPair> sshKeys;
    private final String description;
    private final NetworkSettings network;

    private GitAuth(CredentialsProvider credentials, List<KeyPair> sshKeys, String description, NetworkSettings network) {
        this.credentials = credentials;
        this.sshKeys = sshKeys;
        this.description = description == null ? "no credentials" : description;
        this.network = network;
    }

    /**
     * No credentials: public repositories, local paths, or SSH with the user's own keys in {@code ~/.ssh} (the servers
     * trusted are still the {@link NetworkSettings#hostKeys() host key policy}'s).
     */
    public static GitAuth none() {
        return NONE;
    }

    /**
     * A user name with a password or access token, for HTTPS. Hosts differ on the user name a token goes with
     * (GitHub takes any, GitLab {@code oauth2}, Bitbucket Cloud {@code x-token-auth}).
     */
    public static GitAuth password(String username, char[] secret) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        return new GitAuth(new UsernamePasswordCredentialsProvider(username, secret.clone()), null,
                "password for " + username, NetworkSettings.defaults());
    }

    /**
     * An SSH private key in OpenSSH or PEM format, held in memory. Nothing else of the user's {@code ~/.ssh} is used:
     * neither other keys nor its {@code config}.
     *
     * @param privateKey the key file's text
     * @param passphrase the key's passphrase, if it has one
     * @throws IllegalArgumentException if the key cannot be read (the message never contains the key)
     */
    public static GitAuth sshKey(String privateKey, Optional<char[]> passphrase) {
        List<KeyPair> keys = new ArrayList<>();
        char[] pass = passphrase.map(char[]::clone).orElse(null);
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("ssh key"),
                    new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.UTF_8)),
                    pass == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(new String(pass)));
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("the SSH private key's type is not supported (" + e.getMessage()
                    + "); use an RSA, ECDSA or Ed25519 key");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // The exception's own message may quote the key: only its kind is repeated.
            throw new IllegalArgumentException("the SSH private key cannot be read (" + e.getClass().getSimpleName()
                    + "); is it an OpenSSH or PEM private key, and is the passphrase right?");
        } finally {
            if (pass != null) {
                Arrays.fill(pass, '\0');
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the SSH private key holds no key; is it an OpenSSH or PEM private key?");
        }
        return new GitAuth(null, List.copyOf(keys), "SSH key", NetworkSettings.defaults());
    }

    /** The same credentials, connecting as {@code settings} say (trusted SSH servers, HTTP proxy). */
    public GitAuth over(NetworkSettings settings) {
        return new GitAuth(credentials, sshKeys, description, Objects.requireNonNull(settings, "settings"));
    }

    /** How these credentials connect. */
    public NetworkSettings network() {
        return network;
    }

    /**
     * Hands the credentials and the network settings to a transport about to connect: the credentials for its
     * repository's scheme, host and port only (over HTTP(S) a redirect to anywhere else is not followed,
     * {@link OriginBoundConnections}), HTTP(S) through the proxy, and SSH trusting the servers the host key policy
     * trusts, whatever the user's {@code ~/.ssh} says.
     *
     * @throws IOException if the host key policy cannot be set up (its folder, its approved keys)
     */
    public void configure(Transport transport) throws IOException {
        network.proxy().ifPresent(proxy -> ProxyConnections.bind(transport, proxy));
        if (credentials != null) {
            transport.setCredentialsProvider(credentials);
            OriginBoundConnections.bind(transport);
        }
        if (transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(sshSessions());
        }
    }

    /** SSH sessions with these keys (or the user's own) and the host key policy's database. */
    private SshdSessionFactory sshSessions() throws IOException {
        ServerKeyDatabase hostKeys = network.hostKeys().database();
        File home = new File(System.getProperty("user.home"));
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(new File(home, ".ssh"))
                .setServerKeyDatabase((homeDir, sshDir) -> hostKeys);
        if (sshKeys != null) {
            builder.setDefaultKeysProvider(dir -> sshKeys).setPreferredAuthentications("publickey").setConfigFile(dir -> null);
        }
        return builder.build(null);
    }

    /** What kind of credentials these are, never the secret. */
    @Override
    public String toString() {
        return description;
    }
}

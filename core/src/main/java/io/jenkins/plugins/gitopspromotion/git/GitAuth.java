package io.jenkins.plugins.gitopspromotion.git;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How to authenticate to a Git host: nothing, a user name with a password or token (HTTPS), or an SSH
 * private key (Apache MINA SSHD). Secrets stay in memory: they are handed to JGit's transport for one
 * connection, for the repository's own scheme, host and port only, and never written to a file, a Git config or a
 * URL, nor shown by {@link #toString()}.
 */
public final class GitAuth {

    private static final GitAuth NONE = new GitAuth(null, null, null);

    private final CredentialsProvider credentials;
    private final SshdSessionFactory ssh;
    private final String description;

    private GitAuth(CredentialsProvider credentials, SshdSessionFactory ssh, String description) {
        this.credentials = credentials;
        this.ssh = ssh;
        this.description = description == null ? "no credentials" : description;
    }

    /** No credentials: public repositories, local paths, or SSH with the user's own keys and agent. */
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
                "password for " + username);
    }

    /**
     * An SSH private key in OpenSSH or PEM format, held in memory.
     *
     * @param privateKey the key file's text
     * @param passphrase the key's passphrase, if it has one
     * @param knownHosts the known hosts file that must vouch for the server's key; default the user's own
     * @throws IllegalArgumentException if the key cannot be read (the message never contains the key)
     */
    public static GitAuth sshKey(String privateKey, Optional<char[]> passphrase, Optional<Path> knownHosts) {
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
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(new File(System.getProperty("user.home")))
                .setSshDirectory(new File(System.getProperty("user.home"), ".ssh"))
                .setDefaultKeysProvider(dir -> keys)
                .setPreferredAuthentications("publickey");
        // With a known hosts file given, ~/.ssh/config must not weaken it (StrictHostKeyChecking no,
        // UserKnownHostsFile elsewhere): that file alone decides which servers are trusted.
        knownHosts.ifPresent(file -> builder.setDefaultKnownHostsFiles(dir -> List.of(file)).setConfigFile(dir -> null));
        return new GitAuth(null, builder.build(null), "SSH key");
    }

    /**
     * Hands the credentials to a transport about to connect, for its repository's scheme, host and port only: over
     * HTTP(S) a redirect to anywhere else is not followed ({@link OriginBoundConnections}).
     */
    public void configure(Transport transport) {
        if (credentials != null) {
            transport.setCredentialsProvider(credentials);
            OriginBoundConnections.bind(transport);
        }
        if (ssh != null && transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(ssh);
        }
    }

    /** What kind of credentials these are, never the secret. */
    @Override
    public String toString() {
        return description;
    }
}

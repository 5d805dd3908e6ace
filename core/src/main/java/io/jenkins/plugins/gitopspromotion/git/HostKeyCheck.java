package io.jenkins.plugins.gitopspromotion.git;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * A {@link HostKeyPolicy} as JGit asks it about each SSH server's key: JGit's own database of known hosts files, read
 * with the policy's strictness whatever the user's {@code ~/.ssh/config} says, and never asking anyone. A refused key
 * fails the connection with a message naming the host, the key's fingerprint and what to do, instead of SSHD's bare
 * "Server key did not validate".
 */
final class HostKeyCheck implements ServerKeyDatabase {

    private final HostKeyPolicy policy;
    /** Null: every key is accepted. */
    private final OpenSshServerKeyDatabase files;
    private final Configuration.StrictHostKeyChecking strictness;

    /**
     * @param files the known hosts files, the one new keys are recorded in first; null to accept every key
     * @param strictness what to do with a key the files do not list
     */
    HostKeyCheck(HostKeyPolicy policy, List<Path> files, Configuration.StrictHostKeyChecking strictness) {
        this.policy = policy;
        this.files = files == null ? null : new OpenSshServerKeyDatabase(false, files);
        this.strictness = strictness;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        return files == null ? List.of() : files.lookup(connectAddress, remoteAddress, fixed(config));
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey, Configuration config,
            CredentialsProvider provider) {
        if (files == null) {
            return true;
        }
        Configuration fixed = fixed(config);
        if (files.accept(connectAddress, remoteAddress, serverKey, fixed, null)) {
            return true;
        }
        String key = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        boolean known = !files.lookup(connectAddress, remoteAddress, fixed).isEmpty();
        throw new HostKeyRefusedException(known
                ? "the SSH host key of " + connectAddress + " (" + key + ") is not the one " + policy.where() + " holds for it:"
                        + " someone may be pretending to be that host, or its key was replaced; ask the host's administrators"
                        + " before replacing the old key"
                : "the SSH host key of " + connectAddress + " (" + key + ") is unknown: it is not in " + policy.where()
                        + "; add the host's key there, checked against the key its administrators publish");
    }

    /** The policy's settings in place of those the user's {@code ~/.ssh/config} gives. */
    private Configuration fixed(Configuration asked) {
        return new Configuration() {
            @Override
            public List<String> getUserKnownHostsFiles() {
                return List.of(); // the files the database was made with
            }

            @Override
            public List<String> getGlobalKnownHostsFiles() {
                return List.of();
            }

            @Override
            public StrictHostKeyChecking getStrictHostKeyChecking() {
                return strictness;
            }

            @Override
            public boolean getHashKnownHosts() {
                return false;
            }

            @Override
            public String getUsername() {
                return asked.getUsername();
            }
        };
    }

    /**
     * A server key the policy refuses. Thrown rather than answered {@code false}, so that the connection fails with its
     * message: SSHD only reports a {@code false} as "Server key did not validate".
     */
    static final class HostKeyRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HostKeyRefusedException(String message) {
            super(message);
        }
    }
}

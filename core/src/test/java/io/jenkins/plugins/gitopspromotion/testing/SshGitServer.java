package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real Git server over SSH on loopback: Apache MINA SSHD running JGit's {@link UploadPack} and
 * {@link ReceivePack} for the bare repositories {@code ROOT/NAME.git}, at
 * {@code ssh://git@127.0.0.1:PORT/NAME.git}. Clients must authenticate with one of the public keys given at
 * start (public key authentication only, any user name); the host key is generated in memory per server, so
 * clients trust it only through {@link #knownHostsLine()}.
 *
 * <p>Tests seed and inspect the served repositories with {@link BareRepos}.
 */
public final class SshGitServer implements AutoCloseable {

    /** {@code git-upload-pack '/config.git'}, as JGit and git send it, or {@code git upload-pack config.git}. */
    private static final Pattern GIT_COMMAND =
            Pattern.compile("git[- ](upload-pack|receive-pack) +(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    private final SshServer sshd;
    private final RepositoryRegistry repositories;
    private final KeyPair hostKey;
    private final ExecutorService packs;
    private final AtomicInteger pushes = new AtomicInteger();

    private SshGitServer(RepositoryRegistry repositories, KeyPair hostKey) {
        this.repositories = repositories;
        this.hostKey = hostKey;
        this.packs = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ssh-git-pack");
            thread.setDaemon(true);
            return thread;
        });
        this.sshd = SshServer.setUpDefaultServer();
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param root the folder holding the bare repositories (created if missing)
     * @param authorized the only public keys that may connect; each may fetch and push
     * @return the running server; close it to stop it
     * @throws IOException if SSHD cannot start
     */
    public static SshGitServer start(Path root, PublicKey... authorized) throws IOException {
        return start(root, 0, generateHostKey(), authorized);
    }

    /**
     * Starts a server with a given host key on a given loopback port: the same server as far as a client can tell,
     * or (with another key) one that impersonates it.
     *
     * @param port the port, or 0 for a free one
     * @param hostKey the server's host key pair
     * @throws IOException if SSHD cannot start (the port is taken)
     */
    public static SshGitServer start(Path root, int port, KeyPair hostKey, PublicKey... authorized) throws IOException {
        SshGitServer server = new SshGitServer(new RepositoryRegistry(root), hostKey);
        try {
            server.configure(List.of(authorized));
            server.sshd.setPort(port);
            server.sshd.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A new host key pair, EC P-256: generated in milliseconds, unlike RSA, and understood by every SSH client. */
    public static KeyPair generateHostKey() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate an EC host key", e);
        }
    }

    private void configure(List<PublicKey> authorized) {
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        // Public key only: a client that falls back to a password or keyboard-interactive must fail, not hang.
        sshd.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        sshd.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("authorized keys", authorized));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> new GitCommand(command));
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return sshd.getPort();
    }

    /** The URL of a repository: {@code ssh://git@127.0.0.1:PORT/NAME.git}. */
    public URI url(String repoName) {
        return URI.create("ssh://git@127.0.0.1:" + port() + "/" + RepositoryRegistry.urlPath(repoName));
    }

    /**
     * A {@code known_hosts} line vouching for this server's host key: {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256
     * AAAA...}.
     */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /**
     * Creates an empty bare repository (initial branch {@code main}) to serve.
     *
     * @param name {@code config} or {@code config.git}
     * @return the server's own instance; do not close it, {@link #close()} does
     */
    public Repository createRepository(String name) throws IOException {
        return repositories.create(name);
    }

    /** The server's own instance of a served repository; do not close it. */
    public Repository repository(String name) throws IOException {
        return repositories.get(name);
    }

    /** {@code git-receive-pack} commands run by authenticated clients: one per push. */
    public int pushCount() {
        return pushes.get();
    }

    /** Stops the server and closes the repositories; the folder is left for the test to delete. */
    @Override
    public void close() throws IOException {
        try {
            sshd.stop(true);
        } finally {
            packs.shutdownNow();
            repositories.close();
        }
    }

    /**
     * The repository a command names, relative to the root whatever its leading slash; a name escaping the root
     * (absolute, {@code ..}, a symbolic link pointing out) is refused.
     */
    private Repository resolve(String path) throws IOException {
        String name = path.startsWith("/") ? path.substring(1) : path;
        Repository repository = repositories.get(name);
        if (!repository.getDirectory().toPath().toRealPath().startsWith(repositories.root())) {
            throw new IllegalArgumentException("Not under the served folder: " + path);
        }
        return repository;
    }

    /** One exec request: parses the command, then runs the pack protocol on its streams in a pool thread. */
    private final class GitCommand implements Command {

        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Future<?> running;

        GitCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            // SSHD calls start on its I/O thread, which must stay free to move the pack's bytes.
            running = packs.submit(() -> run(env.getEnv().get("GIT_PROTOCOL")));
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (running != null) {
                running.cancel(true);
            }
        }

        private void run(String gitProtocol) {
            int status;
            String message = null;
            try {
                status = serve(gitProtocol);
            } catch (IOException | RuntimeException e) {
                message = "fatal: " + command + ": " + e.getMessage();
                status = 128;
                report(message);
            }
            exit.onExit(status, message == null ? "" : message);
        }

        private int serve(String gitProtocol) throws IOException {
            Matcher matcher = GIT_COMMAND.matcher(command.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a git-upload-pack or git-receive-pack command");
            }
            String path = matcher.group(2) != null ? matcher.group(2)
                    : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
            boolean push = "receive-pack".equals(matcher.group(1));
            if (push) {
                pushes.incrementAndGet();
            }
            Repository repository = resolve(path);
            if (push) {
                ReceivePack receivePack = new ReceivePack(repository);
                receivePack.setRefLogIdent(new PersonIdent("ssh-client", "ssh-client@127.0.0.1"));
                receivePack.receive(in, out, err);
            } else {
                UploadPack uploadPack = new UploadPack(repository);
                // Protocol v2 is requested through the environment, as with git over SSH.
                if (gitProtocol != null) {
                    uploadPack.setExtraParameters(List.of(gitProtocol.split(":")));
                }
                uploadPack.upload(in, out, err);
            }
            return 0;
        }

        private void report(String message) {
            try {
                err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // The client went away: there is no one left to tell.
            }
        }
    }
}

package io.jenkins.plugins.gitopspromotion.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSH test server with a plain JGit client whose keys, known hosts and home are all in the temp folder. */
class SshGitServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private KeyPair clientKey;
    private SshGitServer server;
    private Repository config;
    private RevCommit seeded;
    private SshdSessionFactory ssh;

    @BeforeEach
    void start() throws Exception {
        clientKey = ecKey();
        server = SshGitServer.start(tmp.resolve("server"), clientKey.getPublic());
        config = server.createRepository("config");
        seeded = BareRepos.commitFile(config, "main", "values.yaml", "tag: v1\n", "Seed");
        ssh = client(clientKey);
    }

    @AfterEach
    void stop() throws Exception {
        if (ssh != null) {
            ssh.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** A JGit client trusting the server only through its known hosts line, isolated from the real ~/.ssh. */
    private SshdSessionFactory client(KeyPair key) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), server.knownHostsLine() + "\n");
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.resolve(".ssh").toFile())
                .setDefaultKeysProvider(dir -> List.of(key))
                .setDefaultKnownHostsFiles(dir -> List.of(knownHosts))
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    private Collection<Ref> lsRemote(String url, SshdSessionFactory factory) throws Exception {
        return Git.lsRemoteRepository().setRemote(url)
                .setTransportConfigCallback(transport -> ((SshTransport) transport).setSshSessionFactory(factory))
                .call();
    }

    @Test
    void urlAndKnownHostsLineNameTheLoopbackPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.url("config")).hasToString("ssh://git@127.0.0.1:" + server.port() + "/config.git");
        assertThat(server.url("config.git")).isEqualTo(server.url("config"));
        assertThat(server.knownHostsLine()).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 AAAA");
    }

    @Test
    void listsRefsWithAnAuthorizedKey() throws Exception {
        Collection<Ref> refs = lsRemote(server.url("config").toString(), ssh);

        assertThat(refs).anySatisfy(ref -> {
            assertThat(ref.getName()).isEqualTo("refs/heads/main");
            assertThat(ref.getObjectId()).isEqualTo(seeded);
        });
        assertThat(server.pushCount()).isZero();
    }

    @Test
    void clonesAndPushesAndCountsThePush() throws Exception {
        try (Git clone = Git.cloneRepository().setURI(server.url("config").toString())
                .setTransportConfigCallback(transport -> ((SshTransport) transport).setSshSessionFactory(ssh))
                .setDirectory(tmp.resolve("clone").toFile()).call()) {
            Files.writeString(tmp.resolve("clone/values.yaml"), "tag: v2\n");
            clone.add().addFilepattern("values.yaml").call();
            RevCommit local = clone.commit().setMessage("Promote").setAuthor("Promoter", "promoter@example.invalid")
                    .setCommitter("Promoter", "promoter@example.invalid").setSign(false).call();

            Iterable<PushResult> results = clone.push().setRemote("origin").add("main")
                    .setTransportConfigCallback(transport -> ((SshTransport) transport).setSshSessionFactory(ssh))
                    .call();

            assertThat(results.iterator().next().getRemoteUpdate("refs/heads/main").getStatus())
                    .isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(BareRepos.head(config, "main")).isEqualTo(local);
            assertThat(server.pushCount()).isEqualTo(1);
        }
    }

    @Test
    void refusesAKeyItWasNotGiven() throws Exception {
        try (SshdSessionFactory stranger = client(ecKey())) {
            assertThatThrownBy(() -> lsRemote(server.url("config").toString(), stranger))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Cannot log in at 127.0.0.1:" + server.port())
                    .hasMessageContaining("server refused");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"git-upload-pack '/config.git'", "git-upload-pack 'config.git'", "git upload-pack config.git"})
    void understandsTheSpellingsOfUploadPack(String command) throws Exception {
        Exec result = exec(command);

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains(seeded.name() + " refs/heads/main");
    }

    @Test
    void refusesCommandsOtherThanGitPacks() throws Exception {
        Exec result = exec("cat /etc/passwd");

        assertThat(result.status()).isEqualTo(128);
        assertThat(result.err()).contains("not a git-upload-pack or git-receive-pack command");
        assertThat(result.out()).isEmpty();
    }

    private record Exec(int status, String out, String err) {
    }

    /** Runs a command with SSHD's own client, sending only a flush packet: "no wants", so upload-pack ends. */
    private Exec exec(String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            // Nothing from ~/.ssh: no config, no keys; the server is the one this test started.
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect("git", "127.0.0.1", server.port()).verify(TIMEOUT).getSession()) {
                session.addPublicKeyIdentity(clientKey);
                session.auth().verify(TIMEOUT);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                try (ChannelExec channel = session.createExecChannel(command)) {
                    channel.setIn(new ByteArrayInputStream("0000".getBytes(StandardCharsets.US_ASCII)));
                    channel.setOut(out);
                    channel.setErr(err);
                    channel.open().verify(TIMEOUT);
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                    Integer status = channel.getExitStatus();
                    return new Exec(status == null ? -1 : status, out.toString(StandardCharsets.UTF_8),
                            err.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void refusesMissingRepositoriesAndPathsEscapingTheRoot() throws Exception {
        try (Repository outside = BareRepos.create(tmp.resolve("outside.git"))) {
            BareRepos.commitFile(outside, "main", "secret", "x\n", "Outside");
            String base = "ssh://git@127.0.0.1:" + server.port() + "/";

            assertThatThrownBy(() -> lsRemote(base + "missing.git", ssh)).isInstanceOf(TransportException.class)
                    .hasMessageContaining("repository not found");
            assertThatThrownBy(() -> lsRemote(base + "../outside.git", ssh)).isInstanceOf(TransportException.class)
                    .hasMessageContaining("Not a plain repository name");
            assertThatThrownBy(() -> lsRemote(base + tmp.resolve("outside.git"), ssh))
                    .isInstanceOf(TransportException.class).hasMessageContaining("Not a plain repository name");
        }
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.PemKeys;
import io.jenkins.plugins.gitopspromotion.testing.SshGitServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each host key policy against a real Git server over SSH (Apache MINA SSHD running JGit's pack services): the servers
 * it trusts are fetched from, the others refused with a message naming the host, and what it records kept in its own
 * folder. {@code user.home} points at a folder of the test's own, so that the machine's {@code ~/.ssh} is neither read
 * nor written.
 */
class HostKeyPolicyTest {

    private static PemKeys.ClientKey client;

    @TempDir
    Path temp;

    private SshGitServer server;
    private Path home;
    private String realHome;
    private int fetches;

    @BeforeAll
    static void clientKey() throws Exception {
        client = PemKeys.ClientKey.rsa(2048);
    }

    @BeforeEach
    void startServerAndHome() throws IOException {
        server = SshGitServer.start(temp.resolve("server"), client.pair().getPublic());
        ConfigRepositoryFixture.seed(server.createRepository("config"));
        home = Files.createDirectories(temp.resolve("home/.ssh")).getParent();
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void stop() throws IOException {
        System.setProperty("user.home", realHome);
        if (server != null) {
            server.close();
        }
    }

    /** Fetches {@code main} into a new mirror, connecting as {@code policy} says. */
    private ObjectId fetch(HostKeyPolicy policy, GitAuth auth) throws IOException {
        MirrorCache cache = new MirrorCache(temp.resolve("cache-" + fetches++), 30, NetworkSettings.of(policy, Optional.empty()));
        try (Mirror mirror = cache.open(RepositoryLocation.parse(server.url("config").toString()), auth, List.of("main"))) {
            return mirror.branch("main").orElseThrow();
        }
    }

    private ObjectId fetch(HostKeyPolicy policy) throws IOException {
        return fetch(policy, GitAuth.sshKey(client.pem(), Optional.empty()));
    }

    private String host() {
        return "[127.0.0.1]:" + server.port();
    }

    private static String otherKeyLine(String host) throws IOException {
        return host + " " + PublicKeyEntry.toString(SshGitServer.generateHostKey().getPublic());
    }

    @Test
    void aKnownHostsFileIsHeldToStrictly() throws IOException {
        Path listed = Files.writeString(temp.resolve("listed"), server.knownHostsLine() + "\n");
        Path other = Files.writeString(temp.resolve("other"), otherKeyLine(host()) + "\n");
        Path empty = Files.writeString(temp.resolve("empty"), "");

        assertThat(fetch(HostKeyPolicy.knownHostsFile(listed))).isNotNull();
        assertThatThrownBy(() -> fetch(HostKeyPolicy.knownHostsFile(empty)))
                .hasMessageContaining("the SSH host key of " + host() + " (ecdsa-sha2-nistp256 SHA256:")
                .hasMessageContaining("is unknown: it is not in the known hosts file " + empty);
        assertThatThrownBy(() -> fetch(HostKeyPolicy.knownHostsFile(other)))
                .hasMessageContaining("the SSH host key of " + host())
                .hasMessageContaining("is not the one the known hosts file " + other + " holds for it");
        assertThat(empty).as("nothing recorded").isEmptyFile();
        assertThat(home.resolve(".ssh")).isEmptyDirectory();
    }

    @Test
    void theUsersKnownHostsAreThoseOfTheHomeFolder() throws IOException {
        assertThatThrownBy(() -> fetch(HostKeyPolicy.usersKnownHosts()))
                .hasMessageContaining("the SSH host key of " + host())
                .hasMessageContaining("is unknown: it is not in the known hosts file ~/.ssh/known_hosts");

        Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");

        assertThat(fetch(HostKeyPolicy.usersKnownHosts())).isNotNull();
    }

    @Test
    void theUsersFileIsTheOneASystemPropertyNamesWhereItIsSet() throws IOException {
        String property = "test.known_hosts_file." + fetches;
        HostKeyPolicy policy = HostKeyPolicy.usersKnownHosts().usersFileFrom(property);
        Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");
        Path named = Files.writeString(temp.resolve("named_known_hosts"), otherKeyLine(host()) + "\n");
        assertThat(fetch(policy)).as("not set: the home folder's").isNotNull();

        System.setProperty(property, named.toString());
        try {
            assertThatThrownBy(() -> fetch(policy)).hasMessageContaining("is not the one the known hosts file " + named + " holds");
            assertThatThrownBy(() -> fetch(HostKeyPolicy.acceptNew().usersFileFrom(property).keptIn(temp.resolve("host-keys"))))
                    .as("held to the named file's keys on first connection too").hasMessageContaining("is not the one");
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void approvedKeysAreTheOnlyOnesTrusted() throws IOException {
        Path folder = temp.resolve("host-keys");

        assertThat(fetch(HostKeyPolicy.approvedKeys("# the config repository's host\n" + server.knownHostsLine()).keptIn(folder)))
                .isNotNull();
        assertThatThrownBy(() -> fetch(HostKeyPolicy.approvedKeys(otherKeyLine(host())).keptIn(folder)))
                .hasMessageContaining("the SSH host key of " + host())
                .hasMessageContaining("is not the one the approved host keys holds for it");
        assertThatThrownBy(() -> fetch(HostKeyPolicy.approvedKeys(otherKeyLine("github.com")).keptIn(folder)))
                .hasMessageContaining("the SSH host key of " + host() + " (ecdsa-sha2-nistp256 SHA256:")
                .hasMessageContaining("is unknown: it is not in the approved host keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void approvedKeysThatAreNotKnownHostsLinesAreNamed() {
        assertThatThrownBy(() -> fetch(HostKeyPolicy.approvedKeys(server.knownHostsLine() + "\ngitlab.example.com ssh-ed25519 nonsense")
                .keptIn(temp.resolve("host-keys"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2 of the approved SSH host keys (gitlab.example.com …) is not a known_hosts line");
        assertThatThrownBy(() -> fetch(HostKeyPolicy.approvedKeys("\n# nothing yet\n").keptIn(temp.resolve("host-keys"))))
                .hasMessageContaining("the approved SSH host keys hold no key");
    }

    @Test
    void acceptNewRecordsTheFirstKeyAndRefusesAnotherLater() throws IOException {
        Path folder = temp.resolve("host-keys");
        HostKeyPolicy policy = HostKeyPolicy.acceptNew().keptIn(folder);
        Path record = folder.resolve("known_hosts");

        ObjectId first = fetch(policy);

        assertThat(Files.readString(record)).contains(server.knownHostsLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        String recorded = Files.readString(record);
        assertThat(fetch(policy)).isEqualTo(first);
        assertThat(record).as("the same key is not recorded twice").hasContent(recorded);

        // Another server on the same address, with another host key: what a man in the middle looks like.
        int port = server.port();
        server.close();
        server = SshGitServer.start(temp.resolve("server"), port, SshGitServer.generateHostKey(), client.pair().getPublic());

        assertThatThrownBy(() -> fetch(policy))
                .hasMessageContaining("the SSH host key of [127.0.0.1]:" + port)
                .hasMessageContaining("is not the one the keys recorded on first connection in " + record)
                .hasMessageContaining("someone may be pretending to be that host");
        assertThat(record).as("the changed key is not recorded").hasContent(recorded);
        assertThat(home.resolve(".ssh")).isEmptyDirectory();
    }

    @Test
    void acceptNewHoldsHostsTheUsersKnownHostsListToTheirKeys() throws IOException {
        Files.writeString(home.resolve(".ssh/known_hosts"), otherKeyLine(host()) + "\n");

        assertThatThrownBy(() -> fetch(HostKeyPolicy.acceptNew().keptIn(temp.resolve("host-keys"))))
                .hasMessageContaining("is not the one the keys recorded on first connection");
    }

    @Test
    void offTrustsAnyServerAndRecordsNothing() throws IOException {
        assertThat(fetch(HostKeyPolicy.off().keptIn(temp.resolve("host-keys")))).isNotNull();
        assertThat(temp.resolve("host-keys")).doesNotExist();
        assertThat(home.resolve(".ssh")).isEmptyDirectory();
    }

    @Test
    void withoutCredentialsSshStillGoesThroughThePolicy() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty"), "");

        // No key of the user's is authorized: the host key check comes first, then the login fails.
        assertThatThrownBy(() -> fetch(HostKeyPolicy.knownHostsFile(empty), GitAuth.none()))
                .hasMessageContaining("the SSH host key of " + host())
                .hasMessageContaining("is unknown");
        assertThatThrownBy(() -> fetch(HostKeyPolicy.off(), GitAuth.none()))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("host key"))
                .hasMessageContaining("Cannot log in at 127.0.0.1:" + server.port());
        try (Stream<Path> files = Files.list(home.resolve(".ssh"))) {
            assertThat(files).isEmpty();
        }
    }
}

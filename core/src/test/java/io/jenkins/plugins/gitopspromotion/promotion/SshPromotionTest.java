package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.HostKeyPolicy;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.PemKeys;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SshGitServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against a real Git server over SSH (Apache MINA SSHD running JGit's pack services) with
 * {@link GitAuth#sshKey}: private keys only ever held in memory, the server trusted only through the known hosts
 * file given ({@link HostKeyPolicy#knownHostsFile}), and the machine's own {@code ~/.ssh} left as it was.
 */
class SshPromotionTest {

    private static final Path USER_SSH_DIR = Path.of(System.getProperty("user.home"), ".ssh");
    private static final String PASSPHRASE = "correct horse battery staple";

    /** Generated once: RSA 3072 takes a noticeable fraction of a second. */
    private static PemKeys.ClientKey authorized;

    @TempDir
    Path temp;

    private SshGitServer server;
    private Repository remote;
    private List<String> userSshDirBefore;

    @BeforeAll
    static void generateKey() throws Exception {
        authorized = PemKeys.ClientKey.rsa(3072);
    }

    @BeforeEach
    void snapshotUserSshDir() throws IOException {
        userSshDirBefore = listing(USER_SSH_DIR);
    }

    @AfterEach
    void stopAndCheckUserSshDirUntouched() throws IOException {
        if (server != null) {
            server.close();
        }
        assertThat(listing(USER_SSH_DIR)).as("files in " + USER_SSH_DIR).isEqualTo(userSshDirBefore);
    }

    /** The lines of a key file that carry key material, for checking that none leaks into a message. */
    private static List<String> keyMaterial(String keyText) {
        return keyText.lines().filter(line -> !line.isBlank() && !line.startsWith("-----")).toList();
    }

    /** Every file under the folder with its size and modification time; empty if the folder does not exist. */
    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> entries = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                entries.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file));
            }
            return entries;
        }
    }

    private void startServer(PublicKey... keys) throws IOException {
        server = SshGitServer.start(temp.resolve("server"), keys);
        remote = server.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
    }

    private Path knownHosts(String content) throws IOException {
        return Files.writeString(temp.resolve("known_hosts"), content);
    }

    private PromotionResult promote(GitAuth auth, Path knownHosts, String tag) throws IOException {
        RepositoryLocation location = RepositoryLocation.parse(server.url("config").toString());
        MirrorCache cache = new MirrorCache(temp.resolve("cache"), 30,
                NetworkSettings.of(HostKeyPolicy.knownHostsFile(knownHosts), Optional.empty()));
        return TestEngines.cleanBoundary(cache).promote(PromotionRequest.builder(location, "dev")
                .app("web").version(new VersionSource.Given(Optional.of(tag), Optional.empty())).auth(auth).build());
    }

    private String webDevKustomization() throws IOException {
        return BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml");
    }

    @Test
    void promotesWithAPkcs8PemKeyHeldInMemory() throws Exception {
        startServer(authorized.pair().getPublic());
        Path knownHosts = knownHosts(server.knownHostsLine() + "\n");

        PromotionResult result = promote(GitAuth.sshKey(authorized.pem(), Optional.empty()), knownHosts, "1.1.0");

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(webDevKustomization()).contains("newTag: \"1.1.0\"");
        assertThat(BareRepos.log(remote, "main")).hasSize(2);
        assertThat(server.pushCount()).isEqualTo(1);
        assertThat(Files.readString(knownHosts)).as("known hosts file unchanged").isEqualTo(server.knownHostsLine() + "\n");
    }

    @Test
    void aKeyTheServerDoesNotAuthorizeIsDeniedAndTheMessageNamesTheUrlNotTheKey() throws Exception {
        startServer(authorized.pair().getPublic());
        Path knownHosts = knownHosts(server.knownHostsLine() + "\n");
        String strangerPem = PemKeys.pkcs8Pem(PemKeys.rsa(2048).getPrivate());

        assertThatThrownBy(() -> promote(GitAuth.sshKey(strangerPem, Optional.empty()), knownHosts, "1.1.0"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(server.url("config").toString())
                // JGit's words for a denied key: it lists the keys tried, by fingerprint, and that the server refused them.
                .hasMessageContaining("Cannot log in at 127.0.0.1:" + server.port())
                .hasMessageContaining("server refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyMaterial(strangerPem))
                        .doesNotContain(keyMaterial(authorized.pem())));
        assertThat(server.pushCount()).isZero();
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
    }

    @Test
    void aServerMissingFromTheKnownHostsIsNotTrustedAndNothingIsPushed() throws Exception {
        startServer(authorized.pair().getPublic());
        Path empty = knownHosts("");

        assertThatThrownBy(() -> promote(GitAuth.sshKey(authorized.pem(), Optional.empty()), empty, "1.1.0"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(server.url("config").toString())
                .hasMessageContaining("the SSH host key of [127.0.0.1]:" + server.port())
                .hasMessageContaining("is unknown: it is not in the known hosts file " + empty);
        assertThat(server.pushCount()).isZero();
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
        assertThat(empty).as("the unknown host key was not added").isEmptyFile();
    }

    @Test
    void theUsersSshConfigCannotWeakenTheKnownHostsGiven(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        startServer(authorized.pair().getPublic());
        Path empty = knownHosts("");
        Files.createDirectories(home.resolve(".ssh"));
        // A file of the test's own, never a device: a regression would have JGit write the server's key into it.
        Path elsewhere = home.resolve("other_known_hosts");
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile " + elsewhere + "\n");
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertThatThrownBy(() -> promote(GitAuth.sshKey(authorized.pem(), Optional.empty()), empty, "1.1.0"))
                    .isInstanceOf(IOException.class).hasMessageContaining("is unknown");
        } finally {
            System.setProperty("user.home", realHome);
        }
        assertThat(server.pushCount()).isZero();
        assertThat(empty).isEmptyFile();
        assertThat(elsewhere).doesNotExist();
    }

    /**
     * OpenSSH-format keys as {@code ssh-keygen} writes them today (bcrypt-protected with a passphrase). Ed25519
     * is read through Bouncy Castle, which SSHD does not bundle and the engine therefore brings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa"})
    void promotesWithAnOpenSshKeyAndItsPassphrase(String type) throws Exception {
        RealParts.require(sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
        assertThat(SecurityUtils.isEDDSACurveSupported()).as("an EdDSA provider for ed25519 keys").isTrue();
        Path keyFile = sshKeygen(type);
        String keyText = Files.readString(keyFile);
        startServer(publicKey(keyFile.resolveSibling(keyFile.getFileName() + ".pub")));
        Path knownHosts = knownHosts(server.knownHostsLine() + "\n");

        PromotionResult result = promote(GitAuth.sshKey(keyText, Optional.of(PASSPHRASE.toCharArray())), knownHosts, "1.1.0");

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(webDevKustomization()).contains("newTag: \"1.1.0\"");
        assertThatThrownBy(() -> GitAuth.sshKey(keyText, Optional.of("wrong passphrase".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyMaterial(keyText)).doesNotContain(PASSPHRASE));
    }

    /** Looks on the PATH rather than running it: a missing program is then a skip, not a slow failure. */
    private static boolean sshKeygenInstalled() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "ssh-keygen")));
    }

    /** Writes a new key pair into the temp folder, never ~/.ssh: {@code KEY} and {@code KEY.pub}. */
    private Path sshKeygen(String type) throws Exception {
        Path keyFile = temp.resolve("id_" + type);
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", PASSPHRASE, "-C", "test@example.invalid",
                "-f", keyFile.toString()).redirectErrorStream(true).start();
        keygen.getOutputStream().close();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keygen.waitFor(10, TimeUnit.SECONDS)).as("ssh-keygen finished").isTrue();
        assertThat(keygen.exitValue()).as("ssh-keygen: " + output).isZero();
        return keyFile;
    }

    private static PublicKey publicKey(Path pubFile) throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(pubFile).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }
}

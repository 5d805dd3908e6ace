package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.git.HostKeyPolicy;
import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.PemKeys;
import io.jenkins.plugins.gitopspromotion.testing.SshGitServer;
import io.jenkins.plugins.gitopspromotion.testing.TestProxy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import jenkins.model.Jenkins;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.jenkinsci.plugins.gitclient.verifier.AcceptFirstConnectionStrategy;
import org.jenkinsci.plugins.gitclient.verifier.KnownHostsFileVerificationStrategy;
import org.jenkinsci.plugins.gitclient.verifier.ManuallyProvidedKeyVerificationStrategy;
import org.jenkinsci.plugins.gitclient.verifier.NoHostKeyVerificationStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;

/**
 * Promotions reach Git hosts as Jenkins is configured: git-client's host key verification decides which SSH servers
 * are trusted (a real SSH server: Apache MINA SSHD serving JGit's pack services), Jenkins' proxy carries Git over HTTP
 * (a real Jetty proxy in front of JGit's GitServlet), on the controller and, as plain data, on an agent. Host keys
 * accepted on first connection are recorded in the machine's mirror cache, in a folder only its owner may use.
 */
class JenkinsNetworkTest {

    private static PemKeys.ClientKey client;

    @TempDir
    Path dir;

    private Path jenkinsHome;
    private String realHome;
    private SshGitServer ssh;
    private Jenkins instance;
    private MockedStatic<Jenkins> jenkins;
    private MockedStatic<ExtensionList> extensions;
    private HostKeyVerificationSetting hostKeys;
    private final GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();

    @BeforeAll
    static void clientKey() throws Exception {
        client = PemKeys.ClientKey.rsa(2048);
    }

    @BeforeEach
    void jenkinsAndAnSshServer() throws Exception {
        jenkinsHome = Files.createDirectories(dir.resolve("jenkins-home"));
        // The known hosts file strategy reads the user's: a home of the test's own, never the machine's ~/.ssh.
        realHome = System.setProperty("user.home", Files.createDirectories(dir.resolve("home/.ssh")).getParent().toString());
        ssh = SshGitServer.start(dir.resolve("ssh"), client.pair().getPublic());
        ConfigRepositoryFixture.seed(ssh.createRepository("config"));
        instance = mock(Jenkins.class);
        when(instance.getRootDir()).thenReturn(jenkinsHome.toFile());
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        extensions = mockStatic(ExtensionList.class);
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(configuration);
        hostKeys = HostKeyVerificationSetting.of(new KnownHostsFileVerificationStrategy());
    }

    @AfterEach
    void close() throws Exception {
        hostKeys.close();
        extensions.close();
        jenkins.close();
        ssh.close();
        System.setProperty("user.home", realHome);
    }

    private RepositoryAccess overSsh() {
        return new RepositoryAccess(ssh.url("config").toString(), null, AccessCredentials.sshKey(client.pem(), null), "none", null, null);
    }

    private static String otherKeyLine(String host) throws Exception {
        return host + " " + PublicKeyEntry.toString(SshGitServer.generateHostKey().getPublic());
    }

    private static ProxyConfiguration jenkinsProxy(String name, int port, String user, String password, String noProxyHost) {
        ProxyConfiguration proxy = mock(ProxyConfiguration.class);
        when(proxy.getName()).thenReturn(name);
        when(proxy.getPort()).thenReturn(port);
        when(proxy.getUserName()).thenReturn(user);
        if (password != null) {
            Secret secret = mock(Secret.class);
            when(secret.getPlainText()).thenReturn(password);
            when(proxy.getSecretPassword()).thenReturn(secret);
        }
        when(proxy.getNoProxyHost()).thenReturn(noProxyHost);
        return proxy;
    }

    /** What crosses the channel to an agent: Java serialization, as remoting does it. */
    private static AgentSettings toAgent(AgentSettings settings) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (AgentSettings) in.readObject();
        }
    }

    @Test
    void eachOfGitClientsStrategiesIsAHostKeyPolicy() {
        assertThat(JenkinsNetwork.hostKeys(new KnownHostsFileVerificationStrategy()))
                .isEqualTo(HostKeyPolicy.usersKnownHosts().usersFileFrom(JenkinsNetwork.GIT_CLIENT_KNOWN_HOSTS));
        assertThat(JenkinsNetwork.hostKeys(new AcceptFirstConnectionStrategy()))
                .isEqualTo(HostKeyPolicy.acceptNew().usersFileFrom(JenkinsNetwork.GIT_CLIENT_KNOWN_HOSTS));
        assertThat(JenkinsNetwork.hostKeys(new ManuallyProvidedKeyVerificationStrategy("  github.com ssh-ed25519 AAAA\n")))
                .isEqualTo(HostKeyPolicy.approvedKeys("github.com ssh-ed25519 AAAA"));
        assertThat(JenkinsNetwork.hostKeys(new NoHostKeyVerificationStrategy())).isEqualTo(HostKeyPolicy.off());
    }

    @Test
    void jenkinsProxyIsTakenWithItsLoginAndExceptions() throws Exception {
        assertThat(JenkinsNetwork.proxy(null)).isEmpty();
        assertThat(JenkinsNetwork.proxy(jenkinsProxy(" ", 3128, null, null, null))).as("the form saved without a host").isEmpty();
        assertThat(JenkinsNetwork.proxy(jenkinsProxy("proxy.example.com", 3128, "builder", "pw", "*.internal|localhost")))
                .contains(ProxySettings.of("proxy.example.com", 3128).withCredentials("builder", "pw".toCharArray())
                        .bypassing("*.internal|localhost"));
        assertThat(JenkinsNetwork.proxy(jenkinsProxy("proxy.example.com", 3128, null, null, null)))
                .contains(ProxySettings.of("proxy.example.com", 3128));
        assertThatThrownBy(() -> JenkinsNetwork.proxy(jenkinsProxy("proxy.example.com", 0, null, null, null)))
                .isInstanceOf(AbortException.class)
                .hasMessage("GitOps Promotion cannot use Jenkins' proxy configuration (Manage Jenkins » System » HTTP Proxy"
                        + " Configuration): the proxy's port 0 is not between 1 and 65535.");
    }

    @Test
    void onTheControllerGitClientsSettingDecidesWhichSshServersAreTrusted() throws Exception {
        String host = "[127.0.0.1]:" + ssh.port();
        assertThatThrownBy(() -> PromotionRunner.status(null, new EnvVars(), overSsh()))
                .hasMessageContaining("the SSH host key of " + host)
                .hasMessageContaining("is unknown: it is not in the known hosts file ~/.ssh/known_hosts");

        hostKeys.choose(new AcceptFirstConnectionStrategy());
        assertThat(PromotionRunner.status(null, new EnvVars(), overSsh())).containsKey("environments");
        Path recorded = jenkinsHome.resolve("caches/gitops-promotion/host-keys/known_hosts");
        assertThat(Files.readString(recorded)).contains(ssh.knownHostsLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recorded.getParent()))).isEqualTo("rwx------");

        hostKeys.choose(new ManuallyProvidedKeyVerificationStrategy(otherKeyLine(host)));
        assertThatThrownBy(() -> PromotionRunner.status(null, new EnvVars(), overSsh()))
                .hasMessageContaining("the SSH host key of " + host)
                .hasMessageContaining("is not the one the approved host keys holds for it");

        hostKeys.choose(new ManuallyProvidedKeyVerificationStrategy(ssh.knownHostsLine()));
        assertThat(PromotionRunner.status(null, new EnvVars(), overSsh())).containsKey("environments");

        hostKeys.choose(new NoHostKeyVerificationStrategy());
        Files.delete(recorded);
        assertThat(PromotionRunner.status(null, new EnvVars(), overSsh())).containsKey("environments");
        assertThat(recorded).as("no verification records nothing").doesNotExist();
    }

    @Test
    void theKnownHostsFileGitClientIsToldToUseIsTheOneRead() throws Exception {
        assertThat(JenkinsNetwork.GIT_CLIENT_KNOWN_HOSTS)
                .isEqualTo("org.jenkinsci.plugins.gitclient.verifier.SshHostKeyVerificationStrategy.jgit_known_hosts_file");
        Path named = Files.writeString(dir.resolve("jenkins_known_hosts"), ssh.knownHostsLine() + "\n");
        System.setProperty(JenkinsNetwork.GIT_CLIENT_KNOWN_HOSTS, named.toString());
        try {
            assertThat(PromotionRunner.status(null, new EnvVars(), overSsh())).containsKey("environments");

            Files.writeString(named, otherKeyLine("[127.0.0.1]:" + ssh.port()) + "\n");
            assertThatThrownBy(() -> PromotionRunner.status(null, new EnvVars(), overSsh()))
                    .hasMessageContaining("is not the one the known hosts file " + named + " holds for it");
        } finally {
            System.clearProperty(JenkinsNetwork.GIT_CLIENT_KNOWN_HOSTS);
        }
    }

    @Test
    void onAnAgentTheSettingsArrivePlainAndTheAgentRecordsInItsOwnCache() throws Exception {
        Path agentCache = dir.resolve("agent-cache");
        configuration.setCacheFolder(agentCache.toString());
        hostKeys.choose(new AcceptFirstConnectionStrategy());
        try (GitHttpServer git = GitHttpServer.start(dir.resolve("http"), "ci", "git-password");
                TestProxy proxy = TestProxy.startWithLogin()) {
            ConfigRepositoryFixture.seed(git.createRepository("config"));
            ProxyConfiguration configured = jenkinsProxy("127.0.0.1", proxy.port(), TestProxy.USER, TestProxy.PASSWORD, null);
            when(instance.getProxy()).thenReturn(configured);

            AgentSettings onAgent = toAgent(AgentSettings.of(Map.of()));

            assertThat(new StatusOnAgent(overSsh(), onAgent).invoke(dir.toFile(), null)).contains("\"environments\"");
            assertThat(Files.readString(agentCache.resolve("host-keys/known_hosts"))).contains(ssh.knownHostsLine());
            assertThat(jenkinsHome.resolve("caches")).as("nothing on the controller").doesNotExist();

            RepositoryAccess overHttp = new RepositoryAccess(git.url("config").toString(), null,
                    AccessCredentials.password("ci", "git-password".toCharArray()), "none", null, null);
            assertThat(new StatusOnAgent(overHttp, onAgent).invoke(dir.toFile(), null)).contains("\"environments\"");
            assertThat(proxy.requests()).contains("GET " + git.url("config") + "/info/refs?service=git-upload-pack");
        }
    }
}

package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.testing.TestProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git over HTTP(S) through a real proxy (Jetty's forward proxy and CONNECT tunnels) in front of a real Git server
 * (JGit's GitServlet): fetches and pushes go through it with its login, the Git server's own credentials still reach
 * only the Git server, hosts the proxy is not for are reached directly, and the proxy's password shows nowhere.
 */
class GitOverProxyTest {

    private static final GitAuth GIT = GitAuth.password("ci", "git-password".toCharArray());

    @TempDir
    Path temp;

    private GitHttpServer git;
    private Repository remote;
    private TestProxy proxy;
    private int caches;

    @BeforeEach
    void start() throws Exception {
        git = GitHttpServer.start(temp.resolve("git"), "ci", "git-password");
        remote = git.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        proxy = TestProxy.startWithLogin();
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        git.close();
    }

    private MirrorCache cache(ProxySettings settings) {
        return new MirrorCache(temp.resolve("cache-" + caches++), 30,
                NetworkSettings.of(HostKeyPolicy.usersKnownHosts(), Optional.of(settings)));
    }

    private void fetch(ProxySettings settings, String url) throws IOException {
        try (Mirror mirror = cache(settings).open(RepositoryLocation.parse(url), GIT, List.of("main"))) {
            assertThat(mirror.branch("main")).isPresent();
        }
    }

    private String httpsUrl() {
        return "https://127.0.0.1:" + git.port() + "/git/config.git";
    }

    @Test
    void aPromotionFetchesAndPushesThroughTheProxyWithItsLogin() throws IOException {
        RepositoryLocation location = RepositoryLocation.parse(git.url("config").toString());

        PromotionResult result = TestEngines.cleanBoundary(cache(proxy.settings(TestProxy.PASSWORD))).promote(PromotionRequest.builder(location, "dev")
                .app("web").version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).auth(GIT).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.1.0\"");
        String origin = "http://127.0.0.1:" + git.port() + "/git/config.git";
        assertThat(proxy.requests())
                .contains("GET " + origin + "/info/refs?service=git-upload-pack", "POST " + origin + "/git-upload-pack",
                        "GET " + origin + "/info/refs?service=git-receive-pack", "POST " + origin + "/git-receive-pack");
        assertThat(git.receivePackCount()).isEqualTo(1);
    }

    @Test
    void aWrongProxyPasswordFailsWithoutShowingEitherPassword() {
        assertThatThrownBy(() -> fetch(proxy.settings("wrong-SECRET-4567"), git.url("config").toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("407")
                .hasMessageContaining("the proxy 127.0.0.1:" + proxy.port() + " asks for credentials")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("wrong-SECRET-4567").doesNotContain(TestProxy.PASSWORD);
                    }
                });
        assertThat(proxy.refused()).isNotEmpty();
        assertThat(git.requestCount()).as("nothing reached the Git server").isZero();
    }

    @Test
    void hostsTheProxyIsNotForAreReachedDirectly() throws IOException {
        fetch(proxy.settings(TestProxy.PASSWORD).bypassing("localhost, 127.0.0.*"), git.url("config").toString());

        assertThat(proxy.requests()).isEmpty();
        assertThat(git.uploadPackCount()).isEqualTo(1);
    }

    @Test
    void httpsGoesThroughATunnel() throws Exception {
        try (TestProxy open = TestProxy.start()) {
            // The Git server speaks plain HTTP, so TLS fails once the tunnel stands: what counts is where it was opened.
            assertThatThrownBy(() -> fetch(ProxySettings.of("127.0.0.1", open.port()), httpsUrl())).isInstanceOf(IOException.class);

            assertThat(open.requests()).contains("CONNECT 127.0.0.1:" + git.port());
        }
    }

    /**
     * Java sends no Basic login for a tunnel unless started with {@code jdk.http.auth.tunneling.disabledSchemes}
     * cleared (this test's JVM is not): the failure says so, rather than leaving a wrong password to be suspected.
     */
    @Test
    void httpsThroughAProxyWantingALoginSaysWhatJavaNeeds() {
        assertThatThrownBy(() -> fetch(proxy.settings(TestProxy.PASSWORD), httpsUrl()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=\"\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestProxy.PASSWORD));
        assertThat(proxy.refused()).contains("CONNECT 127.0.0.1:" + git.port());
    }
}

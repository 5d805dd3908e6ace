package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git token goes to the configured scheme, host and port only. The configured server here redirects every
 * request to another server (another port on loopback) that would accept the token, as a compromised or mistyped
 * host could: the promotion fails saying where it was redirected, and the other server never gets the token.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedirectedCredentialsTest {

    @TempDir
    Path temp;

    /**
     * A server that redirects every request to {@code target}, path and query kept; when {@code askFirst}, only once the
     * request carries credentials (so that the client has already authenticated to it).
     */
    private static HttpServer redirector(GitHttpServer target, boolean askFirst) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (askFirst && exchange.getRequestHeaders().getFirst("Authorization") == null) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + target.port()
                        + exchange.getRequestURI().toString());
                exchange.sendResponseHeaders(301, -1);
            }
        });
        server.start();
        return server;
    }

    @ParameterizedTest(name = "the redirector asks for credentials first: {0}")
    @ValueSource(booleans = {false, true})
    void aRedirectToAnotherPortGetsNoCredentialsAndTheFailureSaysWhere(boolean askFirst) throws Exception {
        try (GitHttpServer other = GitHttpServer.start(temp.resolve("git"), "ci", "pw-123456")) {
            Repository remote = other.createRepository("config");
            ConfigRepositoryFixture.seed(remote);
            ObjectId before = BareRepos.head(remote, "main");
            HttpServer configured = redirector(other, askFirst);
            try {
                String url = "http://127.0.0.1:" + configured.getAddress().getPort() + "/git/config.git";

                assertThatThrownBy(() -> TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).promote(
                        PromotionRequest.builder(RepositoryLocation.parse(url), "dev").app("web")
                                .auth(GitAuth.password("ci", "pw-123456".toCharArray()))
                                .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).build()))
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("fetching main, gitops-promotion/dev/* from " + url + " failed: ")
                        .hasMessageContaining("(the server redirected to http://127.0.0.1:" + other.port()
                                + "/git/config.git/info/refs; the credentials are only sent to http://127.0.0.1:"
                                + configured.getAddress().getPort() + ", so a redirect to another scheme, host or port is"
                                + " not followed; use the URL the server redirects to)");

                assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
                assertThat(other.receivePackCount()).isZero();
            } finally {
                configured.stop(0);
            }
        }
    }
}

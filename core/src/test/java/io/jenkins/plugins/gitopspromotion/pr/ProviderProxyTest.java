package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import io.jenkins.plugins.gitopspromotion.testing.TestProxy;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider's API through a real proxy (Jetty's forward proxy and CONNECT tunnels) in front of the API (WireMock):
 * with the proxy's login, the token still reaching the API in its {@code Authorization} header (which Java drops when
 * a client has a proxy authenticator, JDK-8326949), hosts the proxy is not for reached directly without any
 * {@code Proxy-*} header, and the proxy's password in no message.
 */
class ProviderProxyTest {

    private static final String REPO = "/repos/acme/config";
    private static final String HEAD = "gitops-promotion/staging/web";

    private ProviderTestSupport support;
    private WireMockServer api;
    private TestProxy proxy;

    @BeforeEach
    void start() throws Exception {
        support = ProviderTestSupport.start();
        api = support.wireMock();
        api.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(okJson("[" + GitHubProviderTest.PR_12 + "]")));
        proxy = TestProxy.startWithLogin();
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        support.close();
    }

    private PullRequestProvider github(ProxySettings settings, URI apiUrl) {
        return Providers.create(new ProviderSettings(ProviderKind.GITHUB, apiUrl, "acme/config", ApiToken.of(TOKEN.toCharArray())),
                support.retry(), Optional.of(settings));
    }

    @Test
    void theApiIsReachedThroughTheProxyWithItsLoginAndTheTokenIntact() throws Exception {
        assertThat(github(proxy.settings(TestProxy.PASSWORD), support.url("")).findOpen(HEAD, "main")).map(PullRequest::number).contains(12L);

        assertThat(proxy.requests()).anySatisfy(r -> assertThat(r).startsWith("GET " + api.baseUrl() + REPO + "/pulls?"));
        assertThat(proxy.refused()).as("the login goes with the first request").isEmpty();
        api.verify(getRequestedFor(urlPathEqualTo(REPO + "/pulls")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void hostsTheProxyIsNotForAreReachedDirectlyWithoutTheLogin() throws Exception {
        PullRequestProvider direct = github(proxy.settings(TestProxy.PASSWORD).bypassing("localhost|127.0.0.1"), support.url(""));

        assertThat(direct.findOpen(HEAD, "main")).isPresent();

        assertThat(proxy.requests()).isEmpty();
        api.verify(getRequestedFor(urlPathEqualTo(REPO + "/pulls")).withoutHeader("Proxy-Authorization"));
    }

    @Test
    void aRefusedLoginSaysSoWithoutShowingThePassword() {
        assertThatThrownBy(() -> github(proxy.settings("wrong-SECRET-4567"), support.url("")).findOpen(HEAD, "main"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("answered 407: the HTTP proxy wants a login, or refused the one it was given")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-SECRET-4567").doesNotContain(TestProxy.PASSWORD));
        api.verify(0, getRequestedFor(urlPathEqualTo(REPO + "/pulls")));
    }

    @Test
    void httpsGoesThroughATunnel() throws Exception {
        URI https = URI.create("https://127.0.0.1:" + api.port());
        try (TestProxy open = TestProxy.start()) {
            // WireMock speaks plain HTTP on that port, so TLS fails once the tunnel stands: what counts is where it was opened.
            assertThatThrownBy(() -> github(ProxySettings.of("127.0.0.1", open.port()), https).findOpen(HEAD, "main"))
                    .isInstanceOf(ApiException.class);

            assertThat(open.requests()).contains("CONNECT 127.0.0.1:" + api.port());
        }
    }

    @Test
    void httpsThroughAProxyWantingALoginSaysWhatJavaNeeds() {
        URI https = URI.create("https://127.0.0.1:" + api.port());

        assertThatThrownBy(() -> github(proxy.settings(TestProxy.PASSWORD), https).findOpen(HEAD, "main"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=\"\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestProxy.PASSWORD));
        assertThat(proxy.refused()).contains("CONNECT 127.0.0.1:" + api.port());
    }
}

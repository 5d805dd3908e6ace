package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.net.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy the environment names, read as curl and git read it. */
class EnvironmentProxyTest {

    @Test
    void httpsProxyWithALoginAndTheHostsItIsNotFor() {
        ProxySettings proxy = EnvironmentProxy.of(Map.of("https_proxy", "http://ci%40acme:p%3Ass@proxy.example.com:3128/",
                "no_proxy", ".internal.example.com, git.example.com:443")).orElseThrow();

        assertThat(proxy).hasToString("proxy proxy.example.com:3128 as ci@acme, not for localhost 127.* [::1] internal.example.com"
                + " *.internal.example.com git.example.com *.git.example.com");
        assertThat(proxy.basicAuthorization()).contains(ProxySettings.of("proxy.example.com", 3128)
                .withCredentials("ci@acme", "p:ss".toCharArray()).basicAuthorization().orElseThrow());
        assertThat(proxy.proxyFor("gitlab.internal.example.com")).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.proxyFor("internal.example.com")).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.proxyFor("127.0.0.1")).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.proxyFor("github.com").type()).isEqualTo(Proxy.Type.HTTP);
    }

    @Test
    void httpProxyInCapitalsWithoutSchemeOrPort() {
        assertThat(EnvironmentProxy.of(Map.of("HTTP_PROXY", "proxy.example.com"))).get()
                .satisfies(proxy -> assertThat(proxy.toString()).startsWith("proxy proxy.example.com:80,"))
                .satisfies(proxy -> assertThat(proxy.hasCredentials()).isFalse());
    }

    @Test
    void noneWithoutAProxyOrWithNoProxyForEveryHost() {
        assertThat(EnvironmentProxy.of(Map.of())).isEmpty();
        assertThat(EnvironmentProxy.of(Map.of("https_proxy", "http://proxy.example.com:3128", "NO_PROXY", "*"))).isEmpty();
    }

    @Test
    void aValueThatIsNotAProxyIsNamedByItsVariableNotShown() {
        assertThatThrownBy(() -> EnvironmentProxy.of(Map.of("https_proxy", "socks5://user:s3cret@proxy.example.com:1080")))
                .hasMessage("https_proxy is not an HTTP proxy URL such as http://proxy.example.com:3128");
    }
}

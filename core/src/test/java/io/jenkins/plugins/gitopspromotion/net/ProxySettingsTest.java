package io.jenkins.plugins.gitopspromotion.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy settings as plain data: which hosts they are for, whom their login goes to, what they show. */
class ProxySettingsTest {

    private static final ProxySettings PROXY = ProxySettings.of("proxy.example.com", 3128)
            .withCredentials("builder", "s3cret:pass".toCharArray());

    @Test
    void theNoProxyListIsReadAsJenkinsReadsIt() {
        ProxySettings proxy = PROXY.bypassing("*.internal.example.com, git.example.com|10.0.*\n localhost");

        assertThat(proxy.proxyFor("git.internal.example.com")).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.proxyFor("GIT.Example.com")).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.proxyFor("10.0.3.4")).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.proxyFor("localhost")).isEqualTo(Proxy.NO_PROXY);
        // Dots are dots, not any character; a pattern matches the whole name.
        assertThat(proxy.proxyFor("gitXexample.com")).isEqualTo(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.example.com", 3128)));
        assertThat(proxy.proxyFor("github.com").type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(proxy.proxyFor("internal.example.com").type()).isEqualTo(Proxy.Type.HTTP);
    }

    @Test
    void theSelectorIsForWebUrlsOnly() {
        assertThat(PROXY.selector().select(URI.create("https://github.com/acme/config.git"))).first()
                .extracting(Proxy::type).isEqualTo(Proxy.Type.HTTP);
        assertThat(PROXY.selector().select(URI.create("ssh://git@github.com/acme/config.git"))).isEqualTo(List.of(Proxy.NO_PROXY));
    }

    @Test
    void theLoginGoesToTheProxyAlone() throws Exception {
        Authenticator authenticator = PROXY.authenticator();

        PasswordAuthentication toProxy = authenticator.requestPasswordAuthenticationInstance("proxy.example.com", null, 3128, "http",
                "realm", "basic", null, Authenticator.RequestorType.PROXY);
        assertThat(toProxy.getUserName()).isEqualTo("builder");
        assertThat(toProxy.getPassword()).isEqualTo("s3cret:pass".toCharArray());
        assertThat(authenticator.requestPasswordAuthenticationInstance("github.com", null, 443, "https", "realm", "basic", null,
                Authenticator.RequestorType.SERVER)).as("a server behind the proxy").isNull();
        assertThat(authenticator.requestPasswordAuthenticationInstance("other-proxy.example.com", null, 3128, "http", "realm", "basic",
                null, Authenticator.RequestorType.PROXY)).as("another proxy").isNull();
        assertThat(PROXY.basicAuthorization()).contains("Basic "
                + Base64.getEncoder().encodeToString("builder:s3cret:pass".getBytes(StandardCharsets.UTF_8)));
        assertThat(ProxySettings.of("proxy.example.com", 3128).basicAuthorization()).isEmpty();
    }

    @Test
    void thePasswordShowsNowhere() {
        assertThat(PROXY.bypassing("localhost")).hasToString("proxy proxy.example.com:3128 as builder, not for localhost");
        assertThat(PROXY.explain("407 Proxy Authentication Required")).contains("the proxy proxy.example.com:3128 asks for credentials")
                .contains(ProxySettings.TUNNEL_LOGIN).doesNotContain("s3cret");
        assertThat(PROXY.explain("connection refused")).isEmpty();
    }

    @Test
    void itCrossesToAnAgentAsPlainData() throws Exception {
        PROXY.authenticator(); // made on the controller, made anew where it is used
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PROXY.bypassing("localhost"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ProxySettings copy = (ProxySettings) in.readObject();
            assertThat(copy).isEqualTo(PROXY.bypassing("localhost")).isNotEqualTo(PROXY);
            assertThat(copy.authenticator().requestPasswordAuthenticationInstance("proxy.example.com", null, 3128, "http", "realm",
                    "basic", null, Authenticator.RequestorType.PROXY).getUserName()).isEqualTo("builder");
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> ProxySettings.of(" ", 3128)).hasMessageContaining("the proxy needs a host name");
        assertThatThrownBy(() -> ProxySettings.of("proxy", 0)).hasMessageContaining("the proxy's port 0 is not between 1 and 65535");
        assertThatThrownBy(() -> ProxySettings.of("proxy", 3128).withCredentials("", new char[0]))
                .hasMessageContaining("a proxy login needs a user name");
    }
}

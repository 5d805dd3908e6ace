package io.jenkins.plugins.gitopspromotion.net;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} through a {@link ProxySettings proxy}, logging in to it with HTTP Basic when it has credentials.
 * The login is a {@code Proxy-Authorization} header on each request rather than the client's authenticator: with an
 * authenticator, Java 17 and 21 drop the request's own {@code Authorization} header (JDK-8326949), which carries the
 * API token. Java sends a {@code Proxy-*} header to the proxy only, never to the server behind it or on a direct
 * connection.
 */
public final class ProxiedHttpClient extends HttpClient {

    private final HttpClient client;
    private final ProxySettings proxy;

    private ProxiedHttpClient(HttpClient client, ProxySettings proxy) {
        this.client = client;
        this.proxy = proxy;
    }

    /** A client built by {@code builder} with the proxy's selector, and its login when it has one. */
    public static HttpClient of(HttpClient.Builder builder, ProxySettings proxy) {
        HttpClient client = builder.proxy(proxy.selector()).build();
        return proxy.hasCredentials() ? new ProxiedHttpClient(client, proxy) : client;
    }

    private HttpRequest withLogin(HttpRequest request) {
        Optional<String> login = proxy.basicAuthorization();
        return login.isEmpty() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).setHeader("Proxy-Authorization", login.get()).build();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return client.send(withLogin(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client.sendAsync(withLogin(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return client.sendAsync(withLogin(request), handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }

    /** The proxy, never its password. */
    @Override
    public String toString() {
        return "HTTP client through " + proxy;
    }
}

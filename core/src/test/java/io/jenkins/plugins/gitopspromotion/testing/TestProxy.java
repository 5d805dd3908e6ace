package io.jenkins.plugins.gitopspromotion.testing;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP proxy on loopback, as companies run them in front of Git hosts: Jetty's forward proxy
 * ({@link ProxyHandler.Forward}) for {@code http} URLs and its {@link ConnectHandler} for {@code CONNECT} tunnels
 * ({@code https}), optionally requiring an HTTP Basic login ({@code 407 Proxy Authentication Required} without it).
 * It records what it was asked for, so that a test can tell a connection went through it.
 */
public final class TestProxy implements AutoCloseable {

    private static final String REALM = "Basic realm=\"test-proxy\"";

    /** The user the proxy lets through when it asks for a login ({@link #startWithLogin()}). */
    public static final String USER = "proxy-user";
    /** That user's password: no message may show it. */
    public static final String PASSWORD = "proxy-SECRET-0123";

    private final Server server = LoopbackJetty.server();
    private final String login;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private TestProxy(String login) {
        this.login = login;
    }

    /** Starts a proxy on a free loopback port that asks for no login. */
    public static TestProxy start() throws Exception {
        return start(null);
    }

    /** Starts a proxy on a free loopback port that lets {@link #USER} through with {@link #PASSWORD}, nobody else. */
    public static TestProxy startWithLogin() throws Exception {
        return start("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static TestProxy start(String login) throws Exception {
        TestProxy proxy = new TestProxy(login);
        return LoopbackJetty.started(proxy, () -> {
            proxy.configure();
            proxy.server.start();
        });
    }

    /** How a client reaches this proxy, logging in as {@link #USER} with {@code password}. */
    public ProxySettings settings(String password) {
        return ProxySettings.of("127.0.0.1", port()).withCredentials(USER, password.toCharArray());
    }

    private void configure() {
        Handler forward = new Handler.Wrapper(new ProxyHandler.Forward()) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String what = request.getMethod() + " " + request.getHttpURI();
                requests.add(what);
                if (!loggedIn(request, what)) {
                    response.setStatus(HttpStatus.PROXY_AUTHENTICATION_REQUIRED_407);
                    response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, REALM);
                    callback.succeeded();
                    return true;
                }
                return super.handle(request, response, callback);
            }
        };
        server.setHandler(new ConnectHandler(forward) {
            @Override
            protected boolean handleAuthentication(Request request, Response response, String address) {
                String what = "CONNECT " + address;
                requests.add(what);
                if (loggedIn(request, what)) {
                    return true;
                }
                response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, REALM);
                return false;
            }
        });
    }

    private boolean loggedIn(Request request, String what) {
        if (login == null || login.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION))) {
            return true;
        }
        refused.add(what);
        return false;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return LoopbackJetty.port(server);
    }

    /** What it was asked for, in order: {@code GET http://HOST:PORT/PATH?QUERY} or {@code CONNECT HOST:PORT}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests it answered 407, for want of the right login. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

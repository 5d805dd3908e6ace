package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.util.Locale;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;

/**
 * HTTP connections of a transport that carries credentials, to the repository's own scheme, host and port only.
 * JGit follows a server's redirect, and sends the credentials it already authenticated with, or asks for new ones,
 * wherever the redirect leads: a compromised or mistyped server could collect the token. A connection elsewhere is
 * refused before it is opened, and remembered, so that the failure can say where the redirect led.
 */
final class OriginBoundConnections implements HttpConnectionFactory2 {

    private final HttpConnectionFactory delegate;
    private final URIish origin;
    private volatile URL refused;

    private OriginBoundConnections(HttpConnectionFactory delegate, URIish origin) {
        this.delegate = delegate;
        this.origin = origin;
    }

    /** Binds an HTTP transport's connections to its repository's origin; other transports are left as they are. */
    static void bind(Transport transport) {
        if (transport instanceof TransportHttp http) {
            http.setHttpConnectionFactory(new OriginBoundConnections(http.getHttpConnectionFactory(), transport.getURI()));
        }
    }

    /**
     * Why a transport's connection failed, when a redirect led elsewhere: a sentence to add to the failure's message, or
     * the empty string.
     */
    static String redirectNote(Transport transport) {
        if (!(transport instanceof TransportHttp http) || !(http.getHttpConnectionFactory() instanceof OriginBoundConnections bound)
                || bound.refused == null) {
            return "";
        }
        return " (the server redirected to " + withoutQuery(bound.refused) + "; the credentials are only sent to "
                + origin(bound.origin.getScheme(), bound.origin.getHost(), bound.origin.getPort()) + ", so a redirect to"
                + " another scheme, host or port is not followed; use the URL the server redirects to)";
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return delegate.create(requireOrigin(url));
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return delegate.create(requireOrigin(url), proxy);
    }

    /** The delegate's session: the connections are the delegate's own, which its session expects. */
    @Override
    public GitSession newSession() {
        return delegate instanceof HttpConnectionFactory2 sessions ? sessions.newSession() : new GitSession() {
            @Override
            public HttpConnection configure(HttpConnection connection, boolean sslVerify) {
                return connection;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private URL requireOrigin(URL url) throws IOException {
        String wanted = origin(origin.getScheme(), origin.getHost(), origin.getPort());
        if (!origin(url.getProtocol(), url.getHost(), url.getPort()).equals(wanted)) {
            refused = url;
            throw new IOException("a redirect to another scheme, host or port than " + wanted + " is not followed");
        }
        return url;
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        int effective = port > 0 ? port : s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
        return s + "://" + (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + effective;
    }

    /** A redirect's target as shown: its query (service=…) and any user part left out. */
    private static String withoutQuery(URL url) {
        return url.getProtocol() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + url.getPath();
    }
}

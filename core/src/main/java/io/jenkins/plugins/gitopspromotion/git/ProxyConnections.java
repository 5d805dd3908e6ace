package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.NoCheckX509TrustManager;

/**
 * HTTP connections of a transport through the configured proxy: JGit asks the Java runtime's proxy selector, which a
 * Jenkins controller or agent does not set from Jenkins' proxy configuration. A proxy that wants a login gets it from an
 * authenticator of that connection alone ({@link ProxyLoginConnection}); other connections are the delegate's own.
 * {@link OriginBoundConnections} wraps this factory when the transport carries credentials.
 */
final class ProxyConnections implements HttpConnectionFactory2 {

    private final HttpConnectionFactory delegate;
    private final ProxySettings proxy;

    private ProxyConnections(HttpConnectionFactory delegate, ProxySettings proxy) {
        this.delegate = delegate;
        this.proxy = proxy;
    }

    /** Routes an HTTP transport's connections through the proxy; other transports are left as they are. */
    static void bind(Transport transport, ProxySettings proxy) {
        if (transport instanceof TransportHttp http) {
            http.setHttpConnectionFactory(new ProxyConnections(http.getHttpConnectionFactory(), proxy));
        }
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, null);
    }

    /** The proxy JGit chose (the runtime's) gives way to the configured one. */
    @Override
    public HttpConnection create(URL url, Proxy runtimeChoice) throws IOException {
        Proxy chosen = proxy.proxyFor(url.getHost());
        if (chosen != Proxy.NO_PROXY && proxy.hasCredentials()) {
            return new ProxyLoginConnection(url, chosen, proxy.authenticator());
        }
        return delegate.create(url, chosen);
    }

    /**
     * The delegate's session for its own connections (it accepts no others); for a {@link ProxyLoginConnection}, and
     * for a delegate without sessions, {@code http.sslVerify false} is applied as JGit applies it.
     */
    @Override
    public GitSession newSession() {
        GitSession theirs = delegate instanceof HttpConnectionFactory2 sessions ? sessions.newSession() : null;
        return new GitSession() {
            @Override
            public HttpConnection configure(HttpConnection connection, boolean sslVerify) throws IOException, GeneralSecurityException {
                if (theirs != null && !(connection instanceof ProxyLoginConnection)) {
                    return theirs.configure(connection, sslVerify);
                }
                if (!sslVerify && "https".equals(connection.getURL().getProtocol())) {
                    connection.configure(null, new TrustManager[] {new NoCheckX509TrustManager()}, null);
                    connection.setHostnameVerifier((host, session) -> true);
                }
                return connection;
            }

            @Override
            public void close() {
                if (theirs != null) {
                    theirs.close();
                }
            }
        };
    }
}

package io.jenkins.plugins.gitopspromotion.net;

import java.io.IOException;
import java.io.Serializable;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP proxy for Git over HTTP(S) and the pull-request APIs: where it is, the hosts reached without it, and the user
 * name and password it may ask for. Plain, serializable data, so that a front end can take it from its configuration
 * (Jenkins' proxy settings) and hand it to the machine that connects.
 *
 * <p>The password is held in memory and goes to the proxy alone: never into {@link #toString()}, a message, a URL or a
 * file, and never to the server behind the proxy.
 */
public final class ProxySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Why a proxy may have had no login from Java though one is configured, for a message about its {@code 407}: the
     * JDK leaves Basic out of HTTPS tunnels unless told otherwise.
     */
    public static final String TUNNEL_LOGIN = "for HTTPS, Java sends a Basic login to a proxy only when started with"
            + " -Djdk.http.auth.tunneling.disabledSchemes=\"\"";

    private final String host;
    private final int port;
    private final String noProxyHosts;
    private final String username;
    private final char[] password;
    /** Made when first asked for, on the machine that connects. */
    private transient volatile Authenticator authenticator;

    private ProxySettings(String host, int port, String noProxyHosts, String username, char[] password) {
        this.host = host;
        this.port = port;
        this.noProxyHosts = noProxyHosts;
        this.username = username;
        this.password = password;
    }

    /**
     * A proxy without credentials, used for every host.
     *
     * @throws IllegalArgumentException if the host is blank or the port not between 1 and 65535
     */
    public static ProxySettings of(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the proxy needs a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the proxy's port " + port + " is not between 1 and 65535");
        }
        return new ProxySettings(host.strip(), port, null, null, null);
    }

    /**
     * The same proxy, logging in with a user name and password (copied) when it asks.
     *
     * @throws IllegalArgumentException if the user name is blank
     */
    public ProxySettings withCredentials(String user, char[] secret) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a proxy login needs a user name");
        }
        return new ProxySettings(host, port, noProxyHosts, user.strip(), secret == null ? new char[0] : secret.clone());
    }

    /**
     * The same proxy, not used for the hosts named: patterns as Jenkins takes them, separated by white space, commas or
     * {@code |}, where {@code *} stands for any characters ({@code *.example.com}, {@code 192.168.*}).
     */
    public ProxySettings bypassing(String patterns) {
        return new ProxySettings(host, port, patterns == null || patterns.isBlank() ? null : patterns, username, password);
    }

    /** The proxy for a connection to {@code targetHost}: {@link Proxy#NO_PROXY} for a host it is not used for. */
    public Proxy proxyFor(String targetHost) {
        return bypassed(targetHost) ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port));
    }

    /** The proxy for {@code http} and {@code https} URLs, as {@link java.net.http.HttpClient} takes it. */
    public ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
                return List.of(web && uri.getHost() != null ? proxyFor(uri.getHost()) : Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                // Nothing to fall back to: the failure is reported by the connection itself.
            }
        };
    }

    /** Whether the proxy asks for a login. */
    public boolean hasCredentials() {
        return username != null;
    }

    /**
     * An authenticator that answers the proxy's own requests for credentials and nobody else's (a server behind it
     * asking gets nothing), to be set on each {@link java.net.HttpURLConnection} through the proxy. Always the same
     * one: Java remembers a login per authenticator, and sends it ahead with the next request, which a request with
     * a streamed body (a Git push or fetch negotiation) needs, as it cannot be sent again after a {@code 407}.
     */
    public Authenticator authenticator() {
        Authenticator made = authenticator;
        if (made == null) {
            made = newAuthenticator();
            authenticator = made;
        }
        return made;
    }

    private Authenticator newAuthenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                boolean ours = getRequestorType() == RequestorType.PROXY && host.equalsIgnoreCase(getRequestingHost())
                        && getRequestingPort() == port;
                return ours && username != null ? new PasswordAuthentication(username, password.clone()) : null;
            }
        };
    }

    /**
     * The {@code Proxy-Authorization} header's value (HTTP Basic), for a client that cannot be given an authenticator
     * without losing its own {@code Authorization} header: empty without credentials. Java sends it only to the proxy.
     */
    public Optional<String> basicAuthorization() {
        if (username == null) {
            return Optional.empty();
        }
        CharBuffer chars = CharBuffer.allocate(username.length() + 1 + password.length);
        chars.put(username).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        String value = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(raw, (byte) 0);
        return Optional.of(value);
    }

    /**
     * What to add to a connection's failure when the proxy refused the credentials or wanted some (407): Java does not
     * send Basic credentials to a proxy for an HTTPS tunnel unless started to, which is easily mistaken for a wrong
     * password. Empty for other failures.
     */
    public String explain(String failure) {
        if (failure == null || !failure.contains("407")) {
            return "";
        }
        return " (the proxy " + host + ":" + port + " asks for credentials" + (username == null ? ", and none are configured"
                : ": " + TUNNEL_LOGIN + "; otherwise check the proxy's user name and password") + ")";
    }

    private boolean bypassed(String target) {
        if (noProxyHosts == null || target == null) {
            return false;
        }
        String candidate = target.toLowerCase(Locale.ROOT);
        return patterns().stream().anyMatch(pattern -> pattern.matcher(candidate).matches());
    }

    /** Jenkins' reading of the no-proxy list: {@code *} any characters, everything else literal. */
    private List<Pattern> patterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (String part : noProxyHosts.split("[ \t\n,|]+")) {
            if (!part.isEmpty()) {
                patterns.add(Pattern.compile(Arrays.stream(part.toLowerCase(Locale.ROOT).split("\\*", -1))
                        .map(Pattern::quote).collect(Collectors.joining(".*"))));
            }
        }
        return patterns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxySettings that && port == that.port && host.equals(that.host)
                && Objects.equals(noProxyHosts, that.noProxyHosts) && Objects.equals(username, that.username)
                && Arrays.equals(password, that.password);
    }

    /** Of the parts that are not secret only. */
    @Override
    public int hashCode() {
        return Objects.hash(host, port, noProxyHosts, username);
    }

    /** The proxy and its user, never the password. */
    @Override
    public String toString() {
        return "proxy " + host + ":" + port + (username == null ? "" : " as " + username)
                + (noProxyHosts == null ? "" : ", not for " + noProxyHosts);
    }
}
